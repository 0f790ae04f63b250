/**
 * `label` in the language of `table` (English label -> its translation): the label itself, or
 * a numbered one as a new node gets (`app service 2` -> `应用服务 2`); anything else (a name,
 * the visitor's own text) as it is.
 */
export function translateLabel(label: string, table: Readonly<Record<string, string>>): string {
  if (Object.hasOwn(table, label)) return table[label];
  const numbered = /^(.+) (\d+)$/.exec(label);
  if (numbered && Object.hasOwn(table, numbered[1])) return `${table[numbered[1]]} ${numbered[2]}`;
  return label;
}
