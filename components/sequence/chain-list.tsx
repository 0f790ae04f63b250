'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { focusOf } from '@/stores/focus';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { chainSentences, selectChain } from '@/stores/sequence';
import type { PlaybackState } from '@/stores/playback-store';
import { formatMs } from '../panels/format';

const selectPassed = (s: PlaybackState, chosen: number | null) => s.timeline.violations.filter((v) => v.step < s.steps || v.i === chosen);

const TONE = {
  anchor: 'text-amber-800 dark:text-amber-300',
  violation: 'font-semibold text-red-700 dark:text-red-400',
  plain: 'text-slate-700 dark:text-slate-300',
};

/**
 * "Why did this break?": the violations the cursor has passed, and for the one chosen its
 * causal chain told as sentences, oldest first, each a link that seeks to its moment.
 */
export function ChainList() {
  const { say, t } = useI18n();
  const chainOf = useUi((s) => s.chainOf);
  // The violations the cursor has passed, and the one chosen even when the cursor went back before it.
  const violations = usePlayback(useShallow((s: PlaybackState) => selectPassed(s, chainOf)));
  const chain = usePlayback((s) => selectChain(s, chainOf));
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const sentences = useMemo(() => (chain ? chainSentences(playback.getState(), chain) : []), [chain, playback]);
  const seekTo = (i: number, step: number) => {
    playback.getState().seekStep(step + 1);
    ui.getState().setFocus(focusOf(playback.getState(), i));
  };
  return (
    <section aria-labelledby="why-heading" data-testid="chain-panel" className="flex min-h-0 flex-col gap-2 overflow-y-auto p-3 text-xs">
      <h3 id="why-heading" className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        {t('ui.sequence.whyHeading')}
      </h3>
      {violations.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{t('ui.sequence.noViolation')}</p>
      ) : (
        <ul className="flex flex-col gap-1" aria-label={t('ui.sequence.violationsSoFar')}>
          {violations.map((v) => (
            <li key={v.i}>
              <button
                type="button"
                data-testid="chain-violation"
                aria-pressed={chainOf === v.i}
                onClick={() => {
                  ui.getState().setChainOf(chainOf === v.i ? null : v.i);
                  if (chainOf !== v.i) seekTo(v.i, v.step);
                }}
                className={`w-full rounded-md border px-2 py-1 text-left focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                  chainOf === v.i ? 'border-red-400 bg-red-50 dark:border-red-500 dark:bg-red-950/50' : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800'
                }`}
              >
                <span className="font-mono text-[10px] text-slate-600 dark:text-slate-400">{formatMs(v.t)}</span> <span className="font-medium text-red-700 dark:text-red-400">{v.monitor}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chain && (
        <>
          <p className="text-slate-600 dark:text-slate-400">
            {t('ui.sequence.chainIntro', { start: formatMs(chain.start) })}
          </p>
          <ol data-testid="chain-sentences" className="flex flex-col gap-0.5">
            {sentences.map((c) => (
              <li key={c.key}>
                <button
                  type="button"
                  data-testid="chain-sentence"
                  data-tone={c.tone}
                  onClick={() => seekTo(c.i, c.step)}
                  className="grid w-full grid-cols-[4.5rem_1fr] gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
                >
                  <span className="text-right font-mono text-[10px] text-slate-600 tabular-nums dark:text-slate-400">{formatMs(c.t)}</span>
                  <span className={TONE[c.tone]}>
                    {say(c.text)}
                    {c.times > 1 && <span className="text-slate-600 dark:text-slate-400"> (×{c.times})</span>}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
