import { inEnglish } from '@/engine/i18n/english';
import type { Intervention } from '@/engine/core/faults';
import { parseScenario } from '@/engine/scenario/parse';
import { loadForOpen } from './kind-loading';
import type { PlaybackStore } from './playback-store';

/**
 * TEST HOOK. `window.__sim` lets end-to-end tests drive virtual time directly instead of
 * waiting on the wall clock. It is always installed (the static build has no test mode) and
 * only calls the same store actions the controls do, so it cannot put the player in a state a
 * visitor could not reach.
 */
export interface SimTestHook {
  /** Processes exactly one engine event; returns the new step count. */
  step(): number;
  /** Goes back one engine event; returns the new step count. */
  stepBack(): number;
  /** Advances virtual time by `ms` (as playback does: it stops at a violation when asked to); returns the new time. */
  advance(ms: number): number;
  /** Virtual time of the cursor (ms). */
  time(): number;
  /** Engine events processed so far. */
  steps(): number;
  /** Messages on the wire now. */
  inFlight(): { from: string; to: string; link: string; sentAt: number; arriveAt: number; text: string; lost: boolean }[];
  play(): void;
  pause(): void;
  playing(): boolean;
  speed(): number;
  restart(): void;
  seek(t: number): number;
  seekStep(step: number): number;
  /** Opens a scenario as an import would, once its code is loaded; resolves to its errors (empty when it opened). */
  load(scenario: unknown): Promise<string[]>;
  /** The scenario's interventions. */
  interventions(): Intervention[];
  /** Violations the whole run will have: time, step and sentence (the look-ahead is finished first). */
  violations(): { t: number; step: number; message: string; nodes: readonly string[] }[];
  /** The scenario as it is now (after edits). */
  scenario(): unknown;
}

declare global {
  interface Window {
    /** Test hook: see stores/test-hook.ts. */
    __sim?: SimTestHook;
  }
}

/** Installs `window.__sim` for `store`; returns the uninstaller (an effect cleanup). */
export function installTestHook(store: PlaybackStore): () => void {
  const s = () => store.getState();
  const hook: SimTestHook = {
    step: () => (s().stepForward(), s().steps),
    stepBack: () => (s().stepBack(), s().steps),
    advance: (ms) => (s().advance(ms), s().time),
    time: () => s().time,
    steps: () => s().steps,
    // The text is made when read: the bench counts the wire every few frames while measuring
    // the frame rate, and putting 2,000 phrases into English each time cost it frames.
    inFlight: () =>
      s().inFlight.map((m) => ({
        from: m.from,
        to: m.to,
        link: m.link,
        sentAt: m.sentAt,
        arriveAt: m.arriveAt,
        lost: m.lost,
        get text() {
          return inEnglish(m.text);
        },
      })),
    play: () => s().play(),
    pause: () => s().pause(),
    playing: () => s().playing,
    speed: () => s().speed,
    restart: () => s().restart(),
    seek: (t) => (s().seek(t), s().time),
    seekStep: (n) => (s().seekStep(n), s().steps),
    load: async (scenario) => {
      const parsed = parseScenario(scenario);
      if (!parsed.ok) return parsed.errors;
      const ready = await loadForOpen(store, parsed.scenario);
      if (!ready.ok) return ready.superseded ? ['another load replaced this one before it opened'] : ready.errors;
      const r = s().open(parsed.scenario);
      return r.ok ? [] : r.errors;
    },
    interventions: () => structuredClone(s().scenario.interventions),
    violations: () => (s().finishLookAhead(), s().timeline.violations).map(({ t, step, message, nodes }) => ({ t, step, message: inEnglish(message), nodes })),
    scenario: () => structuredClone(s().scenario),
  };
  window.__sim = hook;
  return () => {
    if (window.__sim === hook) delete window.__sim;
  };
}
