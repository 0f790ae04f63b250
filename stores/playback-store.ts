import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Simulation } from '@/engine/core/simulation';
import { buildSimulation } from '@/engine/scenario/build';
import type { Scenario } from '@/engine/scenario/schema';
import { captionAt, logAt, wireMessages, type NarratedEvent, type WireMessage } from './narration';

/** Speeds the controls offer, in virtual ms per real ms. */
export const SPEEDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] as const;

/** The playback cursor and everything the UI derives from the engine at that cursor. */
export interface PlaybackState {
  readonly scenario: Scenario;
  /** Node id -> what the canvas calls it, for narration. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The engine. It is mutable and lives outside React's state model: components never read it
   * without also subscribing to something `publish` replaces (`version`, `time`, `steps`…).
   */
  sim: Simulation;
  /** Where the run ends (scenario playback hint). */
  readonly untilMs: number;
  /** Virtual time of the cursor (ms). */
  time: number;
  /** Scheduler events processed so far. */
  steps: number;
  playing: boolean;
  speed: number;
  /** Bumped after every change to the engine, so subscribers re-render. */
  version: number;
  /** Messages on the wire; a new array only when a step changed them. */
  inFlight: readonly WireMessage[];
  /** Narration of the latest step's trace events. */
  caption: readonly NarratedEvent[];
  /** Recent narrations, newest first. */
  log: readonly NarratedEvent[];
  /** The cursor reached `untilMs`. */
  finished: boolean;

  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Processes exactly one engine event (pauses playback). */
  stepForward(): void;
  /** A fresh run from time 0 with the same scenario and seed. */
  restart(): void;
  /** Moves the cursor `virtualMs` forward, processing every event due; the rAF loop calls it. */
  advance(virtualMs: number): void;
  /** Jumps to virtual time `t` (backwards uses the engine's snapshots). */
  seek(t: number): void;
  setSpeed(speed: number): void;
}

export type PlaybackStore = StoreApi<PlaybackState>;

type Derived = Pick<PlaybackState, 'time' | 'steps' | 'inFlight' | 'caption' | 'log' | 'finished' | 'version'>;

/**
 * Reads the engine into plain fields. Step-derived arrays are rebuilt only when the step count
 * moved, so a frame that only advances time keeps their identity and their subscribers still.
 */
function derive(s: PlaybackState, sim: Simulation, fresh = false): Derived {
  const moved = fresh || sim.steps !== s.steps;
  return {
    time: sim.time,
    steps: sim.steps,
    inFlight: moved ? wireMessages(sim) : s.inFlight,
    caption: moved ? captionAt(sim, s.labels) : s.caption,
    log: moved ? logAt(sim, s.labels) : s.log,
    finished: sim.time >= s.untilMs,
    version: s.version + 1,
  };
}

function labelsOf(scenario: Scenario): Record<string, string> {
  return Object.fromEntries(scenario.nodes.map((n) => [n.id, n.label ?? n.id]));
}

/**
 * Creates the playback store for a validated scenario. One store per mounted player, so an
 * embed and the playground never share a cursor.
 */
export function createPlaybackStore(scenario: Scenario): PlaybackStore {
  const sim = buildSimulation(scenario);
  const labels = labelsOf(scenario);
  return createStore<PlaybackState>()((set, get) => {
    const publish = (s: Simulation, extra: Partial<PlaybackState> = {}, fresh = false) => {
      set({ ...derive(get(), s, fresh), ...extra });
    };
    return {
      scenario,
      labels,
      sim,
      untilMs: scenario.playback.untilMs,
      time: sim.time,
      steps: sim.steps,
      playing: false,
      speed: scenario.playback.speed,
      version: 0,
      inFlight: [],
      caption: [],
      log: [],
      finished: false,

      play() {
        if (get().finished) get().restart();
        set({ playing: true });
      },
      pause() {
        set({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      stepForward() {
        const s = get().sim;
        s.step();
        publish(s, { playing: false });
      },
      restart() {
        const s = buildSimulation(get().scenario);
        publish(s, { sim: s }, true);
      },
      advance(virtualMs) {
        const { sim: s, untilMs, playing } = get();
        if (!(virtualMs > 0)) return;
        // Never past the end of the run; a cursor already beyond it (stepped there) stays put.
        const target = Math.min(s.time + virtualMs, Math.max(untilMs, s.time));
        s.runUntil(target);
        const done = s.time >= untilMs;
        publish(s, playing && done ? { playing: false } : {});
      },
      seek(t) {
        const s = get().sim;
        s.seekTime(Math.max(0, Math.min(t, get().untilMs)));
        publish(s, {}, true);
      },
      setSpeed(speed) {
        if (Number.isFinite(speed) && speed > 0) set({ speed });
      },
    };
  });
}
