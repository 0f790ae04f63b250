// Class lists several components share, so buttons look alike everywhere.

const shape =
  'inline-flex h-9 shrink-0 items-center justify-center gap-1.5 rounded-lg border px-2.5 text-sm font-medium shadow-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-40 motion-reduce:transition-none';

/** A plain toolbar button. */
export const button = `${shape} border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800`;

/** The one main action of a bar. */
export const primaryButton = `${shape} border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-500 dark:border-indigo-500`;

/** A small borderless icon button (panel headers, lists). */
export const iconButton =
  'inline-grid h-7 w-7 shrink-0 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100';

/** Section headings in the side panel. */
export const sectionTitle = 'text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400';
