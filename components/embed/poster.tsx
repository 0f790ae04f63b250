'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { docTitle, type EmbedDoc } from '@/stores/embed-source';
import { PlayIcon } from '../ui/icons';
import { OpenInPlayground } from './open-link';

/**
 * Click-to-load: the scenario's title and a play button over a dotted backdrop, with nothing
 * of the engine loaded or run yet. A click anywhere on it (or the button, by keyboard) starts
 * the player and plays.
 */
export function Poster({ doc, t, onStart }: { doc: EmbedDoc; t: number | null; onStart(): void }) {
  const { t: tr } = useI18n();
  const title = docTitle(doc);
  const description = doc.entry?.description ?? doc.scenario.description;
  return (
    <div
      data-testid="embed-poster"
      onClick={onStart}
      className="relative flex min-h-0 flex-1 cursor-pointer flex-col items-center justify-center gap-2 overflow-hidden bg-[radial-gradient(#cbd5e1_1.2px,transparent_1.2px)] [background-size:22px_22px] p-4 text-center dark:bg-[radial-gradient(#334155_1.2px,transparent_1.2px)]"
    >
      <div className="absolute top-2 right-2" onClick={(e) => e.stopPropagation()}>
        <OpenInPlayground run={() => ({ scenario: doc.scenario, t })} />
      </div>
      <button
        type="button"
        data-testid="embed-start"
        onClick={(e) => {
          e.stopPropagation();
          onStart();
        }}
        aria-label={tr('ui.embed.loadAndPlay', { title })}
        className="grid h-14 w-14 shrink-0 place-items-center rounded-full bg-indigo-600 text-white shadow-lg shadow-indigo-900/20 transition-transform hover:scale-105 hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500 motion-reduce:transition-none"
      >
        <PlayIcon width={24} height={24} className="translate-x-px" />
      </button>
      <h1 data-testid="embed-title" className="max-w-xl text-sm font-semibold text-balance text-slate-900 dark:text-slate-100">
        {title}
      </h1>
      {description && <p className="line-clamp-3 max-w-xl text-xs text-slate-600 [@media(max-height:300px)]:hidden dark:text-slate-400">{description}</p>}
      <p className="text-[11px] text-slate-500 dark:text-slate-400">{tr('ui.embed.runsInBrowser')}</p>
    </div>
  );
}
