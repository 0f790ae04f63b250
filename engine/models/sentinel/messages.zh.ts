import type { en } from './messages.en';

/** Simplified Chinese messages of `model.sentinel`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
};
