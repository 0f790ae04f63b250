/** "1 key", "3 keys": a count with its noun, for the far view's one line. */
export const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
