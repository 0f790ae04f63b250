import { describe, expect, it } from 'vitest';
import { buildSimulation } from '@/engine/scenario/build';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import type { Schedule } from './after-paint';
import { LookAhead, type LookAheadOptions } from './look-ahead';
import { createPlaybackStore } from './playback-store';
import { lookAhead, type TimelineSummary } from './timeline';

function scenario(id: string): Scenario {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** A queue of tasks the test runs by hand: slices happen only when the test says so. */
function manual() {
  const queue: (() => void)[] = [];
  const schedule: Schedule = (task) => {
    queue.push(task);
    return () => {
      const k = queue.indexOf(task);
      if (k >= 0) queue.splice(k, 1);
    };
  };
  // A clock that never moves and no time budget: every slice runs one batch of engine events.
  const opts: LookAheadOptions = { first: schedule, schedule, sliceMs: 0, reportMs: 0, now: () => 0 };
  return {
    queue,
    opts,
    /** Runs queued slices (and the ones they queue) until none is left or `max` ran; returns how many ran. */
    drain(max = Infinity) {
      let n = 0;
      while (queue.length > 0 && n < max) {
        queue.shift()!();
        n++;
      }
      return n;
    },
  };
}

/** The one-shot look-ahead of `s`, as the store computed it before it looked ahead in slices. */
const oneShot = (s: Scenario) => lookAhead(buildSimulation(s), s.playback.untilMs);

// Violations, faults and rate limiters (rate-limit-sentinel), a fault and a violation late in a
// longer run, and a run with faults only.
const RUNS = ['rate-limit-sentinel', 'redis-sentinel-failover-lock-loss', 'lock-showdown'];

describe('sliced look-ahead', () => {
  it.each(RUNS)('ends with the one-shot summary of %s, growing slice by slice', (id) => {
    const s = scenario(id);
    const m = manual();
    const seen: TimelineSummary[] = [];
    let done: TimelineSummary | null = null;
    const look = new LookAhead(s, { progress: (x) => seen.push(x), done: (x) => (done = x) }, m.opts);
    expect(look.summary).toMatchObject({ computing: true, complete: false, knownMs: 0, violations: [] });
    const slices = m.drain();
    const want = oneShot(s);
    expect(slices).toBeGreaterThan(5);
    expect(done).toEqual({ ...want, computing: false });
    expect(look.running).toBe(false);
    // Each report holds every event before its knownMs and no later one: a prefix of the final summary.
    for (let k = 0; k < seen.length; k++) {
      const x = seen[k];
      expect(x.computing).toBe(true);
      if (k > 0) expect(x.knownMs).toBeGreaterThanOrEqual(seen[k - 1].knownMs);
      expect(x.violations).toEqual(want.violations.filter((v) => v.t < x.knownMs));
      expect(x.faults).toEqual(want.faults.filter((f) => f.t < x.knownMs));
    }
    expect(seen.some((x) => x.knownMs > 0 && x.knownMs < s.playback.untilMs)).toBe(true);
  });

  it('takes over what the played simulation ran past it, and is done once that one covered the run', () => {
    const s = scenario('rate-limit-sentinel');
    const m = manual();
    let done = false;
    const look = new LookAhead(s, { progress: () => undefined, done: () => (done = true) }, m.opts);
    m.drain(3);
    const played = buildSimulation(s);
    played.seekTime(s.playback.untilMs / 2);
    expect(look.catchUp(played)).toBe(true);
    const half = look.summary;
    expect(half.computing).toBe(true);
    expect(half.knownMs).toBeGreaterThan(s.playback.untilMs / 2);
    expect(half.violations).toEqual(oneShot(s).violations.filter((v) => v.t < half.knownMs));
    // Nothing new: no new summary.
    expect(look.catchUp(played)).toBe(false);
    played.seekTime(s.playback.untilMs);
    expect(look.catchUp(played)).toBe(true);
    expect(look.summary).toEqual({ ...oneShot(s), computing: false });
    // The scout is dropped: no slice is left, and `done` (which hands a scout over) never comes.
    expect(m.queue).toHaveLength(0);
    expect(done).toBe(false);
  });

  it('stops at once when cancelled', () => {
    const m = manual();
    const calls: string[] = [];
    const look = new LookAhead(scenario('lock-showdown'), { progress: () => calls.push('progress'), done: () => calls.push('done') }, m.opts);
    m.drain(2);
    const before = calls.length;
    look.cancel();
    expect(m.queue).toHaveLength(0);
    look.finish();
    expect(calls).toHaveLength(before);
    expect(look.summary.computing).toBe(true);
  });
});

describe('the playback store looking ahead in slices', () => {
  it('shows the cursor at once with a timeline still computing; the scout takes over at the next seek', () => {
    const s = scenario('rate-limit-sentinel');
    const m = manual();
    const store = createPlaybackStore(s, null, { progressive: m.opts });
    expect(store.getState().timeline).toMatchObject({ computing: true, violations: [] });
    m.drain(4);
    expect(store.getState().timeline.computing).toBe(true);
    expect(store.getState().timeline.knownMs).toBeGreaterThan(0);
    // The cursor moves meanwhile (between two events).
    store.getState().seek(300.5);
    const { steps, time, run, sim: moved } = store.getState();
    m.drain();
    expect(store.getState().timeline).toEqual({ ...oneShot(s), computing: false });
    expect(store.getState()).toMatchObject({ sim: moved, steps, time, run });
    // Seeking anywhere now moves the scout, which holds every snapshot of the run.
    const sync = createPlaybackStore(s);
    for (const x of [sync, store]) x.getState().seek(s.playback.untilMs * 0.8);
    const st = store.getState();
    expect(st.sim).not.toBe(moved);
    expect(st.sim.snapshotsKept).toBe(sync.getState().sim.snapshotsKept);
    expect({ steps: st.steps, time: st.time, run: st.run }).toEqual({ steps: sync.getState().steps, time: sync.getState().time, run });
    st.stepBack();
    expect(store.getState().steps).toBe(st.steps - 1);
  });

  it('hands a seek beyond where the played simulation has been to the scout, and looks ahead on with the played one', () => {
    const s = scenario('redis-sentinel-failover-lock-loss');
    const m = manual();
    const store = createPlaybackStore(s, null, { progressive: m.opts });
    const played = store.getState().sim;
    played.seekTime(50);
    m.drain(40);
    const known = store.getState().timeline.knownMs;
    expect(known).toBeGreaterThan(200);
    const sync = createPlaybackStore(s);
    for (const x of [sync, store]) x.getState().seek(known / 2);
    const st = store.getState();
    expect(st.sim).not.toBe(played);
    expect({ steps: st.steps, time: st.time }).toEqual({ steps: sync.getState().steps, time: sync.getState().time });
    // Not handed back for a seek the played simulation has covered.
    st.seek(known / 4);
    expect(store.getState().sim).toBe(st.sim);
    // The played one, now the scout, ran on from where it stood: the summary is the same.
    m.drain();
    expect(store.getState().timeline).toEqual({ ...oneShot(s), computing: false });
    for (const x of [sync, store]) x.getState().seek(s.playback.untilMs * 0.9);
    expect(store.getState().steps).toBe(sync.getState().steps);
  });

  it('queues the next slice after the paint a seek asks for', () => {
    const s = scenario('redis-sentinel-failover-lock-loss');
    const later: (() => void)[] = [];
    const m = manual();
    const store = createPlaybackStore(s, null, { progressive: { ...m.opts, first: (task) => (later.push(task), () => later.splice(later.indexOf(task), 1)) } });
    later.shift()!();
    expect(m.queue).toHaveLength(1);
    store.getState().seek(10);
    expect(m.queue).toHaveLength(0);
    expect(later).toHaveLength(1);
    // Seeks on every pointer move of a drag put it off no further.
    store.getState().seek(20);
    expect(later).toHaveLength(1);
    later.shift()!();
    expect(m.queue).toHaveLength(1);
  });

  it('halts at a violation the played part reaches before the look-ahead got there', () => {
    const s = scenario('rate-limit-sentinel');
    const sync = createPlaybackStore(s);
    const v = sync.getState().timeline.violations[0];
    const m = manual();
    const store = createPlaybackStore(s, null, { progressive: m.opts });
    // Far enough to cross the first violation, not so far that the played run covers the whole run.
    const ahead = v.t + 50;
    expect(ahead).toBeLessThan(s.playback.untilMs);
    for (const x of [sync, store]) {
      x.getState().play();
      x.getState().advance(ahead);
    }
    expect(store.getState()).toMatchObject({ playing: false, haltedAt: v.i, steps: v.step + 1 });
    expect(store.getState().time).toBe(sync.getState().time);
    // It learnt that much of the run from the played simulation.
    expect(store.getState().timeline.violations[0]).toEqual(v);
    expect(store.getState().timeline.computing).toBe(true);
  });

  it('an edit cancels the running look-ahead and looks the new run ahead', () => {
    const s = scenario('redis-sentinel-failover-lock-loss');
    const m = manual();
    const store = createPlaybackStore(s, null, { progressive: m.opts });
    m.drain(2);
    const stale = m.queue[0];
    const r = store.getState().intervene({ kind: 'crash', node: store.getState().sim.nodeIds[0] }, { at: 100 });
    expect(r.result.ok).toBe(true);
    expect(m.queue).not.toContain(stale);
    expect(store.getState().timeline.computing).toBe(true);
    const run = store.getState().run;
    m.drain();
    expect(store.getState().timeline).toEqual({ ...oneShot(store.getState().scenario), computing: false });
    expect(store.getState().run).toBe(run);
  });

  it('finishes the look-ahead before guided mode plays, and on request', () => {
    const m = manual();
    const guided = createPlaybackStore(scenario('session-store'), builtin('session-store')!, { progressive: m.opts });
    guided.getState().setGuided(true);
    expect(guided.getState().timeline.computing).toBe(false);
    expect(m.queue).toHaveLength(0);

    // An edit in guided mode looks the new run ahead at once.
    expect(guided.getState().intervene({ kind: 'crash', node: guided.getState().sim.nodeIds[0] }, { at: 100 }).result.ok).toBe(true);
    expect(guided.getState().timeline.computing).toBe(false);
    expect(m.queue).toHaveLength(0);

    const other = createPlaybackStore(scenario('lock-showdown'), null, { progressive: m.opts });
    other.getState().finishLookAhead();
    expect(other.getState().timeline).toEqual({ ...oneShot(scenario('lock-showdown')), computing: false });
  });
});

describe('a paused look-ahead', () => {
  it('computes nothing while paused and ends with the one-shot summary once resumed', () => {
    const s = scenario('lock-showdown');
    const m = manual();
    let done: TimelineSummary | null = null;
    const look = new LookAhead(s, { progress: () => undefined, done: (x) => (done = x) }, m.opts);
    m.drain(3);
    look.pause();
    expect(m.drain()).toBe(0);
    expect(look.running).toBe(true);
    look.resume();
    look.resume();
    expect(m.queue).toHaveLength(1);
    m.drain();
    expect(done).toEqual(oneShot(s));
  });

  it('still finishes at once when asked while paused', () => {
    const s = scenario('rate-limit-sentinel');
    const m = manual();
    let done: TimelineSummary | null = null;
    const look = new LookAhead(s, { progress: () => undefined, done: (x) => (done = x) }, m.opts);
    look.pause();
    look.finish();
    expect(done).toEqual(oneShot(s));
    expect(m.drain()).toBe(0);
  });

  it('keeps a store’s next run paused until its player shows it again', () => {
    const m = manual();
    const store = createPlaybackStore(scenario('lock-showdown'), null, { progressive: m.opts });
    store.getState().pauseLookAhead();
    expect(m.drain()).toBe(0);
    store.getState().apply(scenario('rate-limit-sentinel'));
    expect(m.drain()).toBe(0);
    expect(store.getState().timeline.computing).toBe(true);
    store.getState().resumeLookAhead();
    m.drain();
    expect(store.getState().timeline).toEqual(oneShot(store.getState().scenario));
  });
});
