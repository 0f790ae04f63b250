'use client';

import { useI18n } from '../../i18n/use-i18n';

/** Entries a branch lists before summarising the rest: states can hold long logs. */
const MAX_ENTRIES = 60;

function Leaf({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-500 dark:text-slate-400">{String(value)}</span>;
  if (typeof value === 'string') return <span className="break-all text-emerald-800 dark:text-emerald-300">&quot;{value}&quot;</span>;
  if (typeof value === 'number') return <span className="text-blue-800 dark:text-blue-300">{Number.isInteger(value) ? value : Math.round(value * 1000) / 1000}</span>;
  if (typeof value === 'boolean') return <span className="text-violet-800 dark:text-violet-300">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

const isBranch = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/** One entry: a leaf on one line, or a collapsible branch. */
function Entry({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  if (!isBranch(value)) {
    return (
      <li className="flex gap-1.5 py-px pl-4">
        <span className="shrink-0 text-slate-600 dark:text-slate-400">{name}:</span>
        <Leaf value={value} />
      </li>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const summary = Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`;
  return (
    <li>
      <details open={depth < 1 && entries.length > 0}>
        <summary className="flex cursor-pointer list-none gap-1.5 rounded py-px hover:bg-slate-100 dark:hover:bg-slate-800">
          <span aria-hidden className="inline-block w-3 text-center text-slate-500 transition-transform motion-reduce:transition-none [details[open]>summary>&]:rotate-90">
            ›
          </span>
          <span className="text-slate-700 dark:text-slate-300">{name}</span>
          <span className="text-slate-500 dark:text-slate-400">{summary}</span>
        </summary>
        {entries.length > 0 && <Branch entries={entries} depth={depth + 1} />}
      </details>
    </li>
  );
}

function Branch({ entries, depth }: { entries: readonly (readonly [string, unknown])[]; depth: number }) {
  const { t } = useI18n();
  return (
    <ul className="border-l border-slate-200 pl-2 dark:border-slate-700" style={{ marginLeft: depth > 0 ? 6 : 0 }}>
      {entries.slice(0, MAX_ENTRIES).map(([k, v]) => (
        <Entry key={k} name={k} value={v} depth={depth} />
      ))}
      {entries.length > MAX_ENTRIES && <li className="pl-4 text-slate-500 dark:text-slate-400">{t('ui.panels-inspector.more', { n: entries.length - MAX_ENTRIES })}</li>}
    </ul>
  );
}

/**
 * Plain data (a node's model state, a link's run-time record) as a tree: branches fold, the
 * top level starts open. The engine replaces state rather than mutating it, so folds survive
 * playback as long as the paths stay.
 */
export function StateTree({ value, label }: { value: unknown; label: string }) {
  const entries = isBranch(value) ? (Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)) : [['value', value] as const];
  return (
    <div role="group" aria-label={label} data-testid="state-tree" className="font-mono text-[11px] leading-5">
      <Branch entries={entries} depth={0} />
    </div>
  );
}
