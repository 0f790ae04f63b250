import type { ReactNode } from 'react';

/** The strip over the top of the canvas: the scenario's title and the way out to the playground. */
export function TopBar({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0 z-10 flex items-start gap-2 p-2">
      <p
        data-testid="embed-title"
        title={title}
        className="min-w-0 truncate rounded-md bg-white/85 px-2 py-1 text-xs font-semibold text-slate-800 shadow-sm backdrop-blur dark:bg-slate-900/85 dark:text-slate-100"
      >
        {title}
      </p>
      <span className="ml-auto" />
      {children}
    </div>
  );
}
