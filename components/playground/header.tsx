/** The app bar: name and the open scenario. */
export function Header({ title, seed }: { title: string; seed?: number }) {
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2.5 dark:border-slate-800 dark:bg-slate-900">
      {/* eslint-disable-next-line @next/next/no-img-element -- a 24px static SVG needs no image pipeline */}
      <img src="/favicon.svg" alt="" width={24} height={24} className="shrink-0" />
      <h1 className="shrink-0 text-sm font-semibold tracking-tight">Distributed Playground</h1>
      <span className="h-4 w-px shrink-0 bg-slate-300 dark:bg-slate-700" aria-hidden />
      <p className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-300">{title}</p>
      {seed !== undefined && (
        <span className="ml-auto hidden shrink-0 rounded-full bg-slate-100 px-2 py-0.5 font-mono text-[11px] text-slate-500 sm:inline dark:bg-slate-800 dark:text-slate-400">
          seed {seed} · deterministic
        </span>
      )}
    </header>
  );
}
