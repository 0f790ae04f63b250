'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { currentFormatter } from '@/components/i18n/use-i18n';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EmbedOptions } from '@/stores/embed-options';
import { crossedViolations, playerInfo, violationMessage } from '@/stores/embed-protocol';
import { loadRequestOf, resolveScenario } from '@/stores/embed-source';
import { loadForOpen } from '@/stores/kind-loading';
import { usePlayback, usePlaybackStore } from '@/stores/playback-context';
import type { PlaybackStore } from '@/stores/playback-store';
import { selectHeading } from '@/stores/selectors';
import { ControlsBar } from '../panels/controls-bar';
import { usePlaybackLoop } from '../panels/use-playback-loop';
import { CaptionLine } from './caption-line';
import { EmbedCanvas } from './embed-canvas';
import type { ActionMessage, EmbedChannel } from './embed-channel';
import { MinimalControls } from './minimal-controls';
import { OpenInPlayground } from './open-link';
import { TopBar } from './top-bar';
import { useEmbedKeys } from './use-embed-keys';

// The sequence diagram's code comes only to an embed that shows it (`view=sequence` or `both`).
const SequencePanel = lazy(() => import('../sequence/sequence-panel'));

/** How long the end of a run stays on screen before a looping embed starts over (real ms). */
const LOOP_PAUSE_MS = 1200;

/** Starts over after the end of the run, while `loop` is on; a pause or a halt at a violation is left alone. */
function useLoop(store: PlaybackStore, loop: boolean): void {
  useEffect(() => {
    if (!loop) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((s, prev) => {
      if (!(s.finished && !prev.finished && prev.playing)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = store.getState();
        if (now.finished && !now.playing) now.play();
      }, LOOP_PAUSE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, loop]);
}

/** Answers the host through `channel` while mounted, and reports every change of the run to it. */
function useHostChannel(store: PlaybackStore, channel: EmbedChannel, speed: number | null): void {
  useEffect(() => {
    const perform = async (msg: ActionMessage): Promise<string | null> => {
      const s = store.getState();
      switch (msg.type) {
        case 'dp:play':
          s.play();
          return null;
        case 'dp:pause':
          s.pause();
          return null;
        case 'dp:seek':
          s.seek(msg.t);
          return null;
        case 'dp:load': {
          const r = await resolveScenario(loadRequestOf(msg));
          if (!r.ok) return r.errors.join('; ');
          const ready = await loadForOpen(store, r.doc.scenario);
          if (!ready.ok) return ready.superseded ? 'another dp:load replaced this one before it opened' : ready.errors.join('; ');
          const opened = store.getState().open(r.doc.scenario, r.doc.entry, { t: msg.t ?? r.doc.t });
          if (!opened.ok) return opened.errors.join('; ');
          if (speed !== null) store.getState().setSpeed(speed);
          return null;
        }
      }
    };
    channel.setHandler({ info: () => playerInfo(store.getState()), perform });
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.run === prev.run) for (const v of crossedViolations(s.timeline, prev.steps, s.steps)) channel.notify(violationMessage(v, currentFormatter().say));
      channel.report(playerInfo(s));
    });
    return () => {
      unsubscribe();
      channel.setHandler(null);
    };
  }, [store, channel, speed]);
}

/**
 * The chromeless player inside its PlaybackProvider: the canvas with the title and the way to
 * the playground over it, then the controls the options ask for. Starts at `start` (virtual
 * ms), at the options' speed, and plays at once when `autoplay`.
 */
export function EmbedPlayer({ options, dark, start, autoplay, channel }: { options: EmbedOptions; dark: boolean; start: number; autoplay: boolean; channel: EmbedChannel }) {
  const { t } = useI18n();
  const store = usePlaybackStore();
  const { title } = usePlayback(useShallow(selectHeading));
  const faults = options.mode === 'editable';
  usePlaybackLoop();
  useEmbedKeys(faults);
  useLoop(store, options.loop);
  useHostChannel(store, channel, options.speed);

  // Once, before the first paint: the cursor and the speed the address asked for.
  const first = useRef({ start, speed: options.speed, autoplay });
  useLayoutEffect(() => {
    const { start: t, speed, autoplay: play } = first.current;
    const s = store.getState();
    if (speed !== null) s.setSpeed(speed);
    if (t > 0) s.seek(t);
    if (play) s.play();
  }, [store]);

  const run = () => {
    const s = store.getState();
    return { scenario: s.scenario, t: s.time };
  };
  return (
    <>
      <div className="relative flex min-h-0 flex-1 flex-col" data-testid="embed-stage" data-view={options.view}>
        {options.view !== 'sequence' && (
          <div className="relative min-h-0 flex-1">
            <EmbedCanvas faults={faults} dark={dark} />
          </div>
        )}
        {options.view !== 'canvas' && (
          // Alone, the diagram keeps clear of the title strip over the stage.
          <div className={`flex min-h-0 flex-col border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${options.view === 'both' ? 'h-1/2' : 'flex-1 pt-10'}`}>
            <Suspense fallback={<p className="p-3 text-sm text-slate-600 dark:text-slate-400">{t('ui.sequence.loading')}</p>}>
              <SequencePanel closable={false} />
            </Suspense>
          </div>
        )}
        <TopBar title={title}>
          <OpenInPlayground run={run} />
        </TopBar>
      </div>
      {options.controls === 'full' && (
        // The playground's bar is laid out for 360 px and up; in a narrower frame the rarer buttons
        // give way (Home restarts, ← steps back) so the rest keeps its size.
        <div
          data-testid="embed-controls"
          data-controls="full"
          className="@container shrink-0 @max-[400px]:[&_[data-testid=restart-button]]:hidden @max-[340px]:[&_[data-testid=step-back-button]]:hidden"
        >
          <CaptionLine />
          <ControlsBar />
        </div>
      )}
      {options.controls === 'minimal' && <MinimalControls />}
    </>
  );
}
