import { p } from '@/engine/core/phrase';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Intervention } from '@/engine/core/faults';
import type { Simulation } from '@/engine/core/simulation';
import { buildSimulation } from '@/engine/scenario/build';
import type { BuiltinScenario } from '@/engine/scenario/library';
import { translateLabel } from '@/engine/scenario/node-labels/translate';
import { loadParser, parserNow } from '@/engine/scenario/parser';
import type { ParseResult } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { laidOutIfStacked } from './auto-layout';
import { guideStops, nextStop } from './guide-stops';
import { LookAhead, type LookAheadOptions } from './look-ahead';
import { wireMessages, type WireMessage } from './narration';
import { runsDifferently, withIntervention, withoutIntervention, withRestored, type LaterChoice, type ScenarioIntervention } from './scenario-edits';
import { lookAhead, nextViolation, type TimelineSummary } from './timeline';
import { problem } from '@/engine/scenario/problems';

/** Speeds the controls offer, in virtual ms per real ms (the scenario format allows 0.1–100). */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
export const MIN_SPEED = SPEEDS[0];
export const MAX_SPEED = SPEEDS[SPEEDS.length - 1];

/** Undo keeps this many earlier scenarios. */
const HISTORY_LIMIT = 100;

/** The outcome of an edit: applied, or refused with `path: problem` lines. */
export type EditResult = { ok: true } | { ok: false; errors: string[] };

/** An intervention the visitor asks for; it happens at the cursor's virtual time. */
export type InterventionRequest = Intervention extends infer I ? (I extends Intervention ? Omit<I, 'at'> : never) : never;

/** The playback cursor, the editable scenario, and everything the UI derives from the engine. */
export interface PlaybackState {
  scenario: Scenario;
  /** The gallery entry the scenario was opened from (null once it came from elsewhere). */
  entry: BuiltinScenario | null;
  /** Node id -> what the canvas calls it, for narration. */
  labels: Readonly<Record<string, string>>;
  /**
   * The engine. It is mutable and lives outside React's state model: components never read it
   * without also subscribing to something `publish` replaces (`version`, `time`, `steps`…).
   */
  sim: Simulation;
  /** Where the run ends (scenario playback hint). */
  untilMs: number;
  /**
   * The whole run at a glance, for the timeline: computed once per run, after the first paint
   * when the store looks ahead progressively (then it grows, `computing` until it is whole).
   */
  timeline: TimelineSummary;
  /**
   * Bumped when the run is rebuilt (another scenario, an edit that changes it): trace indexes
   * from before mean nothing now. Not bumped when the look-ahead's simulation of the same run
   * takes over from the played one.
   */
  run: number;
  /** Virtual time of the cursor (ms). */
  time: number;
  /** Scheduler events processed so far. */
  steps: number;
  playing: boolean;
  speed: number;
  /** Stop playback at the next invariant violation. */
  pauseOnViolation: boolean;
  /** Trace index of the violation playback just stopped at; cleared by the next move. */
  haltedAt: number | null;
  /** Guided mode: playback halts at each moment the open built-in's guide names. */
  guided: boolean;
  /** Trace index of the guide's stop playback just halted at; cleared by the next move. */
  guideAt: number | null;
  /** Bumped after every change to the engine, so subscribers re-render. */
  version: number;
  /** Bumped when a different scenario is opened: the canvas lays out and fits afresh. */
  doc: number;
  /** Bumped on every change to the scenario. */
  revision: number;
  /** Messages on the wire; a new array only when a step changed them. */
  inFlight: readonly WireMessage[];
  /** The cursor reached `untilMs`. */
  finished: boolean;
  /** Earlier scenarios (undo) and undone ones (redo). */
  past: readonly Scenario[];
  future: readonly Scenario[];
  /** The visitor changed the scenario since it was opened (work that must not be lost silently). */
  edited: boolean;
  /**
   * An edit that answered ok before the parser arrived and was then refused (or could not be
   * checked, or was overtaken by another such edit): the page shows it, since nothing else does.
   * `id` grows with each, so the same problems twice are still two notices.
   */
  lateRefusal: { id: number; errors: readonly string[] } | null;

  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Processes exactly one engine event (pauses playback). */
  stepForward(): void;
  /** Goes back exactly one engine event (pauses playback). */
  stepBack(): void;
  /** Back to the start of the same run: no event processed yet. */
  restart(): void;
  /** Moves the cursor `virtualMs` forward, processing every event due; the rAF loop calls it. */
  advance(virtualMs: number): void;
  /** Jumps to virtual time `t` (backwards uses the engine's snapshots). */
  seek(t: number): void;
  /** Jumps to the state just after `step` engine events. */
  seekStep(step: number): void;
  setSpeed(speed: number): void;
  setPauseOnViolation(on: boolean): void;
  /** Guided mode on (from the start of the run, playing to its first stop) or off. */
  setGuided(on: boolean): void;
  /** Replaces the scenario after validating it; the run is rebuilt and the cursor keeps its time. */
  apply(next: Scenario): EditResult;
  undo(): void;
  redo(): void;
  /**
   * Opens another scenario, validated once by whoever read it (a link, a file, a save, the
   * gallery): a new document, history cleared, cursor at its start (or at `opts.t`).
   * `opts.edited` carries the flag over when restoring the visitor's own work.
   */
  open(scenario: Scenario, entry?: BuiltinScenario | null, opts?: OpenOptions): EditResult;
  /** When a fault added now would happen: the cursor's time, just after the event shown. */
  faultMoment(): number;
  /**
   * Records a fault the visitor adds (`by: 'user'`) at `opts.at` (default: `faultMoment()`) and
   * re-runs. Interventions after it stay unless `opts.later` is 'drop': then they are set aside
   * in the scenario's `dropped` list (the run branches) and returned so the UI can name them.
   * The cursor goes to the fault when it lands now or earlier, and stays when it lands later.
   */
  intervene(req: InterventionRequest, opts?: { at?: number; later?: LaterChoice }): { result: EditResult; dropped: ScenarioIntervention[] };
  /** Removes an intervention; the scenario's own is set aside (restorable), the visitor's is gone. */
  removeIntervention(index: number): EditResult;
  /** Puts a set-aside intervention back into the run. */
  restoreDropped(index: number): EditResult;
  /** Computes the rest of the run's look-ahead now, in one go (blocking); the timeline is then whole. */
  finishLookAhead(): void;
  /** Stops the look-ahead computing while no player shows this store (see resumeLookAhead). */
  pauseLookAhead(): void;
  /** Lets a paused look-ahead go on computing. */
  resumeLookAhead(): void;
  /**
   * Names the nodes in another language: `table` maps English labels to their translation
   * (engine/scenario/node-labels); null shows every label as the scenario has it.
   */
  setLabelLanguage(table: Readonly<Record<string, string>> | null): void;
}

export type PlaybackStore = StoreApi<PlaybackState>;

/** How a store looks its runs ahead. */
export interface PlaybackOptions {
  /**
   * Look ahead after the first paint, in slices that yield to input and paint (the app does);
   * without it the whole run is looked ahead before the store is ready (tests, tools).
   */
  progressive?: LookAheadOptions;
}

/** Where the cursor goes on open, and whether the document counts as the visitor's edited work. */
export interface OpenOptions {
  t?: number | null;
  edited?: boolean;
}

type Derived = Pick<PlaybackState, 'time' | 'steps' | 'inFlight' | 'finished' | 'version' | 'haltedAt' | 'guideAt'>;

/**
 * Reads the engine into plain fields. Step-derived arrays are rebuilt only when the step count
 * moved, so a frame that only advances time keeps their identity and their subscribers still.
 */
function derive(s: PlaybackState, sim: Simulation, untilMs: number, fresh = false): Derived {
  const moved = fresh || sim.steps !== s.steps;
  const inFlight = moved ? wireMessages(sim, s.inFlight) : s.inFlight;
  return {
    time: sim.time,
    steps: sim.steps,
    inFlight,
    finished: sim.time >= untilMs,
    version: s.version + 1,
    haltedAt: null,
    guideAt: null,
  };
}

function labelsOf(scenario: Scenario, table: Readonly<Record<string, string>> | null): Record<string, string> {
  return Object.fromEntries(scenario.nodes.map((n) => [n.id, table && n.label !== undefined ? translateLabel(n.label, table) : (n.label ?? n.id)]));
}

/** The smallest double above `t`. */
function nextUp(t: number): number {
  if (t === 0) return Number.MIN_VALUE;
  const f = new Float64Array([t]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] += t > 0 ? BigInt(1) : BigInt(-1);
  return f[0];
}

/**
 * When a fault the visitor clicks now happens. Faults at a given time run before other events
 * at that time (they are scheduled first), so a fault at exactly the time of the event just
 * shown would slip in before it and rewrite what the visitor saw; it goes just after instead.
 */
function momentAfter(sim: Simulation): number {
  const last = sim.trace.firstIndexOfStep(sim.steps) - 1;
  return sim.steps > 0 && last >= 0 && sim.trace.timeAt(last) === sim.time ? nextUp(sim.time) : sim.time;
}

/**
 * A ready engine for `scenario` with the cursor at `cursor` (null: nothing processed yet). Looked
 * ahead now unless `progressive` (then the timeline is null: the store starts a LookAhead).
 */
function prepare(scenario: Scenario, cursor: { time: number; steps: number } | null, progressive: boolean): { sim: Simulation; timeline: TimelineSummary | null } {
  const sim = buildSimulation(scenario);
  const timeline = progressive ? null : lookAhead(sim, scenario.playback.untilMs);
  if (cursor === null || cursor.steps === 0) sim.seekStep(0);
  else sim.seekTime(cursor.time);
  return { sim, timeline };
}

/** Prepares a validated scenario; never throws (a model may reject parameters its schema let through). */
function tryStart(scenario: Scenario, cursor: { time: number; steps: number } | null, progressive: boolean) {
  try {
    return { ok: true as const, scenario, ...prepare(scenario, cursor, progressive) };
  } catch (e) {
    return { ok: false as const, errors: [problem(`the simulation could not start: ${(e as Error).message}`, p('scenario.problem-couldNotStart', { error: (e as Error).message }))] };
  }
}

/** Validates an edited scenario (edits build plain data, see scenario-edits.ts) and prepares it. */
function tryPrepare(parse: (input: unknown) => ParseResult, input: unknown, cursor: { time: number; steps: number } | null, progressive: boolean) {
  const parsed = parse(input);
  return parsed.ok ? tryStart(parsed.scenario, cursor, progressive) : { ok: false as const, errors: parsed.errors };
}

/**
 * Creates the playback store for a validated scenario. One store per mounted player, so an
 * embed and the playground never share a cursor.
 */
export function createPlaybackStore(scenario: Scenario, entry: BuiltinScenario | null = null, opts: PlaybackOptions = {}): PlaybackStore {
  const progressive = opts.progressive !== undefined;
  const first = prepare(scenario, null, progressive);
  /** The running look-ahead of the current run, while it runs. */
  let look: LookAhead | null = null;
  /** The look-ahead's simulation once it reached the end, waiting to take over at the next seek. */
  let scout: Simulation | null = null;
  /** The translation of node labels now shown (setLabelLanguage). */
  let labelTable: Readonly<Record<string, string>> | null = null;
  /** No player shows the store: a new run's look-ahead waits for resumeLookAhead too. */
  let paused = false;
  return createStore<PlaybackState>()((set, get) => {
    const publish = (s: Simulation, extra: Partial<PlaybackState> = {}, fresh = false) => {
      const st = get();
      const untilMs = extra.untilMs ?? st.untilMs;
      // What the played simulation computed beyond the look-ahead (a seek far ahead) goes into the timeline now.
      const timeline = look !== null && look.catchUp(s) ? look.summary : (extra.timeline ?? st.timeline);
      if (look !== null && !look.running) look = null;
      set({ ...derive(st, s, untilMs, fresh), ...extra, timeline });
    };

    /**
     * The simulation a seek moves, and the state change that makes it the played one: a finished
     * scout takes over here (it holds every snapshot of the run, so any seek is cheap), since a
     * seek redraws everything anyway. Same run, so the same world at the same step.
     */
    const seeker = (): { s: Simulation; swap: Partial<PlaybackState> } => {
      const next = scout;
      scout = null;
      look?.yieldToPaint();
      return next ? { s: next, swap: { sim: next } } : { s: get().sim, swap: {} };
    };

    /**
     * A new run: drops the look-ahead of the one before (and its scout) and, unless `timeline`
     * was computed already, starts looking `next` ahead; returns the timeline to show.
     */
    const newRun = (next: Scenario, timeline: TimelineSummary | null): TimelineSummary => {
      look?.cancel();
      look = null;
      scout = null;
      if (timeline) return timeline;
      const mine = new LookAhead(
        next,
        {
          progress: (timeline) => {
            if (look === mine) set({ timeline });
          },
          done: (timeline, finished) => {
            if (look !== mine) return;
            look = null;
            // It takes over at the next seek (seeker), unless the played simulation got as far
            // (it then holds as much already).
            if (finished.trace.length > get().sim.trace.length) scout = finished;
            set({ timeline });
          },
        },
        opts.progressive,
      );
      look = mine;
      if (paused) mine.pause();
      return mine.summary;
    };

    /** Swaps in a new scenario and its engine, keeping the cursor (or moving it to `at`). */
    const replace = (next: Scenario, history: { past: readonly Scenario[]; future: readonly Scenario[] }, at?: number): EditResult => {
      const st = get();
      if (!runsDifferently(st.scenario, next)) {
        set({ scenario: next, labels: labelsOf(next, labelTable), revision: st.revision + 1, edited: true, ...history });
        publish(st.sim, {}, true);
        return { ok: true };
      }
      const parser = parserNow();
      if (!parser) {
        // An edit in the moment between the first paint and the parser's arrival (it is fetched
        // right after that paint): made once it is here, unless the document changed meanwhile.
        // The caller has its answer already, so a refusal found then is published as
        // `lateRefusal`. An edit of a document closed meanwhile goes with it, unreported.
        const { doc, scenario: base } = st;
        const refuseLate = (errors: readonly string[]) => set({ lateRefusal: { id: (get().lateRefusal?.id ?? 0) + 1, errors } });
        loadParser().then(
          () => {
            const now = get();
            if (now.doc !== doc) return;
            // A second early edit was made from the same scenario as the first, without it.
            const r = now.scenario === base ? replace(next, history, at) : { ok: false as const, errors: [problem('an edit made while the editor was loading was overtaken by another one; make it again', p('scenario.problem-editOvertaken'))] };
            if (!r.ok) refuseLate(r.errors);
          },
          (e: unknown) => {
            if (get().doc !== doc) return;
            const error = e instanceof Error ? e.message : String(e);
            refuseLate([problem(`the edit could not be checked: ${error}`, p('scenario.problem-editUnchecked', { error }))]);
          },
        );
        return { ok: true };
      }
      // Guided, the run is looked ahead at once: guide stops are searched in the whole trace (guide-stops.ts).
      const r = tryPrepare(parser.parseScenario, next, { time: at ?? st.time, steps: st.steps }, progressive && !st.guided);
      if (!r.ok) return r;
      const timeline = newRun(r.scenario, r.timeline);
      publish(r.sim, { scenario: r.scenario, sim: r.sim, timeline, run: st.run + 1, labels: labelsOf(r.scenario, labelTable), untilMs: r.scenario.playback.untilMs, revision: st.revision + 1, edited: true, playing: false, ...history }, true);
      return { ok: true };
    };

    return {
      scenario,
      entry,
      labels: labelsOf(scenario, labelTable),
      sim: first.sim,
      untilMs: scenario.playback.untilMs,
      timeline: newRun(scenario, first.timeline),
      run: 0,
      time: first.sim.time,
      steps: first.sim.steps,
      playing: false,
      speed: scenario.playback.speed,
      pauseOnViolation: true,
      haltedAt: null,
      guided: false,
      guideAt: null,
      version: 0,
      doc: 0,
      revision: 0,
      inFlight: [],
      finished: false,
      past: [],
      future: [],
      edited: false,
      lateRefusal: null,

      play() {
        if (get().finished) get().restart();
        set({ playing: true, haltedAt: null, guideAt: null });
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
      stepBack() {
        const { steps } = get();
        const { s, swap } = seeker();
        s.seekStep(Math.max(0, steps - 1));
        publish(s, { playing: false, ...swap }, true);
      },
      restart() {
        const { s, swap } = seeker();
        s.seekStep(0);
        publish(s, swap, true);
      },
      advance(virtualMs) {
        const { sim: s, untilMs, playing, pauseOnViolation, guided, entry } = get();
        let { timeline } = get();
        if (!(virtualMs > 0)) return;
        // Never past the end of the run; a cursor already beyond it (stepped there) stays put.
        const target = Math.min(s.time + virtualMs, Math.max(untilMs, s.time));
        const from = s.steps;
        // Where the look-ahead has not been yet, the played simulation runs the stretch first and
        // then halts where it crossed a violation, going back to it (a snapshot). Guided mode
        // never gets here: it finishes the look-ahead first (setGuided, replace).
        if (look !== null && target >= timeline.knownMs) {
          s.runUntil(target);
          if (look.catchUp(s)) timeline = look.summary;
        }
        const v = pauseOnViolation ? nextViolation(timeline, from) : undefined;
        const g = guided ? nextStop(guideStops(s, entry?.guide), from) : undefined;
        // The earlier of the two halts; on the same step the guide's caption says more.
        if (g && g.t <= target && (!v || g.step <= v.step)) {
          s.seekStep(g.step + 1);
          publish(s, { playing: false, guideAt: g.i, haltedAt: v && v.step === g.step ? v.i : null, timeline });
          return;
        }
        if (v && v.t <= target) {
          s.seekStep(v.step + 1);
          publish(s, { playing: false, haltedAt: v.i, timeline });
          return;
        }
        s.runUntil(target);
        const done = s.time >= untilMs;
        publish(s, playing && done ? { playing: false, timeline } : { timeline });
      },
      seek(t) {
        const target = Math.max(0, Math.min(t, get().untilMs));
        const { s: own, swap } = seeker();
        // Far ahead of where the played simulation has been, while the look-ahead's runs on: its scout is
        // further, with snapshots to seek back from.
        const ahead = look?.handOver(own, target) ?? null;
        const s = ahead ?? own;
        s.seekTime(target);
        publish(s, ahead ? { sim: ahead } : swap, true);
      },
      seekStep(step) {
        const { s, swap } = seeker();
        s.seekStep(step);
        publish(s, { playing: false, ...swap }, true);
      },
      setSpeed(speed) {
        if (Number.isFinite(speed)) set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
      },
      setPauseOnViolation(on) {
        set({ pauseOnViolation: on });
      },
      setGuided(on) {
        if (!on) {
          set({ guided: false, guideAt: null });
          return;
        }
        // Guide stops are searched in the whole trace (guide-stops.ts).
        look?.finish();
        const { s, swap } = seeker();
        s.seekStep(0);
        publish(s, { guided: true, ...swap }, true);
        set({ playing: true });
      },
      apply(next) {
        const { scenario: cur, past } = get();
        if (next === cur) return { ok: true };
        return replace(next, { past: [...past, cur].slice(-HISTORY_LIMIT), future: [] });
      },
      undo() {
        const { scenario: cur, past, future } = get();
        const prev = past.at(-1);
        if (prev) replace(prev, { past: past.slice(0, -1), future: [cur, ...future] });
      },
      redo() {
        const { scenario: cur, past, future } = get();
        const next = future[0];
        if (next) replace(next, { past: [...past, cur], future: future.slice(1) });
      },
      open(opened, from = null, opts = {}) {
        const r = tryStart(opened, null, progressive);
        if (!r.ok) return r;
        const st = get();
        const start = opts.t ?? r.scenario.playback.startMs;
        if (start > 0) r.sim.seekTime(Math.min(start, r.scenario.playback.untilMs));
        const timeline = newRun(r.scenario, r.timeline);
        publish(
          r.sim,
          {
            // An import without positions has every node at 0,0: lay it out instead.
            scenario: laidOutIfStacked(r.scenario),
            entry: from,
            // A guide belongs to the scenario it was started on.
            guided: false,
            sim: r.sim,
            timeline,
            run: st.run + 1,
            labels: labelsOf(r.scenario, labelTable),
            untilMs: r.scenario.playback.untilMs,
            speed: r.scenario.playback.speed,
            playing: false,
            doc: st.doc + 1,
            revision: st.revision + 1,
            past: [],
            future: [],
            edited: opts.edited ?? false,
          },
          true,
        );
        return { ok: true };
      },
      faultMoment() {
        return momentAfter(get().sim);
      },
      intervene(req, opts = {}) {
        const st = get();
        const now = momentAfter(st.sim);
        const iv = { ...req, at: opts.at ?? now, by: 'user' } as ScenarioIntervention;
        const { scenario: next, dropped } = withIntervention(st.scenario, iv, opts.later ?? 'keep');
        const result = replace(next, { past: [...st.past, st.scenario].slice(-HISTORY_LIMIT), future: [] }, Math.min(iv.at, now));
        return { result, dropped: result.ok ? dropped : [] };
      },
      removeIntervention(index) {
        return get().apply(withoutIntervention(get().scenario, index));
      },
      restoreDropped(index) {
        return get().apply(withRestored(get().scenario, index));
      },
      finishLookAhead() {
        look?.finish();
      },
      pauseLookAhead() {
        paused = true;
        look?.pause();
      },
      resumeLookAhead() {
        paused = false;
        look?.resume();
      },
      setLabelLanguage(table) {
        if (table === labelTable) return;
        labelTable = table;
        // The caption narrates with the labels (selectCaption); nothing about the cursor changes.
        set({ labels: labelsOf(get().scenario, table) });
      },
    };
  });
}
