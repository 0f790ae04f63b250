import { p, type Say } from '@/engine/core/phrase';
import type { NodeStatus } from '@/engine/core/simulation';
import { clientWarning } from './client-warning';
import { captionOf, LOG_LIMIT, logAt, type LogFilter, type NarratedEvent } from './narration';
import { viewOf } from './node-views';
import type { PlaybackState } from './playback-store';
import type { Violation } from './timeline';
import { withNodeParams } from './scenario-edits';

// Selectors live outside components so their identity is stable; object-returning ones are
// read with useShallow so a frame that changes nothing they return does not re-render.

const nodeSets = new WeakMap<PlaybackState['sim'], ReadonlySet<string>>();

/**
 * Whether the run has node `id`: a set lookup, since every card asks several times on every
 * store update (a search of 300 ids each time added up).
 */
function hasNode(s: PlaybackState, id: string): boolean {
  let ids = nodeSets.get(s.sim);
  if (!ids) nodeSets.set(s.sim, (ids = new Set(s.sim.nodeIds)));
  return ids.has(id);
}

const linkSets = new WeakMap<PlaybackState['sim'], ReadonlySet<string>>();

/** Whether the run has link `id`: a set lookup, as for nodes (every edge asks several times per frame). */
function hasLink(s: PlaybackState, id: string): boolean {
  let ids = linkSets.get(s.sim);
  if (!ids) linkSets.set(s.sim, (ids = new Set(s.sim.linkIds)));
  return ids.has(id);
}

export const selectTime = (s: PlaybackState) => s.time;
export const selectSteps = (s: PlaybackState) => s.steps;
export const selectPlaying = (s: PlaybackState) => s.playing;
/** Narration of the latest step's trace events and the messages it sent (made when first read). */
export const selectCaption = (s: PlaybackState) => captionOf(s.sim, s.steps, s.labels, s.inFlight);
export const selectInFlight = (s: PlaybackState) => s.inFlight;
export const selectScenario = (s: PlaybackState) => s.scenario;
export const selectEntry = (s: PlaybackState) => s.entry;
export const selectLabels = (s: PlaybackState) => s.labels;
export const selectTimeline = (s: PlaybackState) => s.timeline;
export const selectInterventions = (s: PlaybackState) => s.scenario.interventions;
export const selectDoc = (s: PlaybackState) => s.doc;
export const selectUntil = (s: PlaybackState) => s.untilMs;

/** What the controls bar shows. */
export const selectClock = (s: PlaybackState) => ({
  playing: s.playing,
  speed: s.speed,
  time: s.time,
  steps: s.steps,
  untilMs: s.untilMs,
  finished: s.finished,
  pauseOnViolation: s.pauseOnViolation,
  haltedAt: s.haltedAt,
});

/** The actions (stable functions). */
export const selectActions = (s: PlaybackState) => ({
  play: s.play,
  pause: s.pause,
  togglePlay: s.togglePlay,
  stepForward: s.stepForward,
  stepBack: s.stepBack,
  restart: s.restart,
  seek: s.seek,
  seekStep: s.seekStep,
  setSpeed: s.setSpeed,
  setPauseOnViolation: s.setPauseOnViolation,
  apply: s.apply,
  undo: s.undo,
  redo: s.redo,
  open: s.open,
  intervene: s.intervene,
  removeIntervention: s.removeIntervention,
  restoreDropped: s.restoreDropped,
});

/** Whether undo and redo have anything to do. */
export const selectHistory = (s: PlaybackState) => ({ canUndo: s.past.length > 0, canRedo: s.future.length > 0 });

/** The title and seed the header shows. */
export const selectHeading = (s: PlaybackState) => ({ title: s.entry?.title ?? s.scenario.title, entryId: s.entry?.id ?? null, seed: s.scenario.seed, edited: s.edited });

/** A node's live record at the cursor; fields keep identity while unchanged. */
export interface NodeLive {
  exists: boolean;
  status: NodeStatus;
  /** The model state (replaced, never mutated, by the engine). */
  state: unknown;
  /** The node's own clock reading now (ms); differs from true time under skew or drift. */
  localNow: number;
  /** True virtual time now (ms). */
  now: number;
}

/** The live record of node `id`, for a node component. */
export function selectNode(s: PlaybackState, id: string): NodeLive {
  if (!hasNode(s, id)) return { exists: false, status: 'up', state: null, localNow: s.time, now: s.time };
  const n = s.sim.node(id);
  return { exists: true, status: n.status, state: n.state, localNow: s.sim.localNow(id), now: s.time };
}

/** A node's status, view and clock offset: what its card draws, all of it plain data. */
export interface NodeViewLive<V = unknown> {
  status: NodeStatus;
  /** Its kind's view of its state (engine/models/<kind>/view.ts); the same object while the state is unchanged. */
  view: V;
  /** The node's clock minus true time (ms, to 0.01 ms so float noise does not count as a change). */
  clockOffset: number;
}

/**
 * Node `id`'s view and status, or null when the run has no such node. Read with useShallow, a card re-renders only when one of them
 * changes, not on every frame of playback (with a hundred cards on the canvas that is most of
 * a frame's work): a view is cached on the state it was made from.
 */
export function selectNodeView(s: PlaybackState, id: string): NodeViewLive | null {
  if (!hasNode(s, id)) return null;
  const n = s.sim.node(id);
  return { status: n.status, view: viewOf(n.type, n.state), clockOffset: Math.round((s.sim.localNow(id) - s.time) * 100) / 100 };
}

/** Node `id`'s clock reading now (true time for a node the run does not have). */
export function selectLocalNow(s: PlaybackState, id: string): number {
  return hasNode(s, id) ? s.sim.localNow(id) : s.time;
}

/** Node `id`'s status now, or null when the run has no such node. */
export function selectNodeStatus(s: PlaybackState, id: string): NodeStatus | null {
  return hasNode(s, id) ? s.sim.node(id).status : null;
}

const busyByWire = new WeakMap<PlaybackState['inFlight'], ReadonlySet<string>>();

/** The links that carry a message now (one set per wire list). */
export function selectBusyLinks(s: PlaybackState): ReadonlySet<string> {
  let busy = busyByWire.get(s.inFlight);
  if (!busy) busyByWire.set(s.inFlight, (busy = new Set(s.inFlight.map((m) => m.link))));
  return busy;
}

/** Whether link `id` carries a message now. */
export const selectLinkBusy = (s: PlaybackState, id: string): boolean => selectBusyLinks(s).has(id);

/** Whether link `id` is currently cut. */
export function selectLinkCut(s: PlaybackState, id: string): boolean {
  return hasLink(s, id) && s.sim.link(id).params.partitioned;
}

/**
 * What a TCP link's connection is doing now: '' while nothing waits, else how many messages wait
 * in their senders' buffers and the retransmission timeout ("3 waiting · RTO 440 ms"). A string,
 * so components re-render only when it changes.
 */
export function selectLinkWaiting(s: PlaybackState, id: string): Say {
  if (!hasLink(s, id)) return '';
  const l = s.sim.link(id);
  if (l.params.transport === 'datagram') return '';
  const n = l.tcp[0].buf.length + l.tcp[1].buf.length;
  if (n === 0) return '';
  const rto = Math.max(l.tcp[0].rto, l.tcp[1].rto);
  return p('ui.canvas.linkWaiting', { n, rto: rto >= 1000 ? `${+(rto / 1000).toFixed(1)} s` : `${Math.round(rto)} ms` });
}

/** How long after a connection ends its link says so (ms of simulated time). */
const ENDED_SHOWN_MS = 1500;

/**
 * A TCP link's connection, when there is something to say: `half-open` while one end has moved
 * on and the other has not heard (a reset or FIN still on its way, or lost in a cut: it learns
 * on its next write), `ended` for a moment after a connection ends. Empty when up and quiet.
 */
export function selectLinkConn(s: PlaybackState, id: string): Say {
  if (!hasLink(s, id)) return '';
  const l = s.sim.link(id);
  if (l.params.transport === 'datagram') return '';
  const name = (i: number) => s.labels[s.sim.nodeIds[i]] ?? s.sim.nodeIds[i];
  if (l.conn[0] !== l.conn[1]) return p('ui.canvas.linkHalfOpen', { who: name(l.conn[0] < l.conn[1] ? l.a : l.b) });
  const e = l.ended;
  if (e === null || s.time - e.t > ENDED_SHOWN_MS || s.time < e.t) return '';
  const who = name(e.side === 0 ? l.a : l.b);
  const id_ = { reset: 'ui.canvas.linkReset', refused: 'ui.canvas.linkRefused', eof: 'ui.canvas.linkClosed', timeout: 'ui.canvas.linkTimeout' }[e.reason];
  return p(id_, { who });
}

/** Violations the cursor has already passed. */
export function violationsSoFar(s: PlaybackState): Violation[] {
  return s.timeline.violations.filter((v) => v.step < s.steps);
}

/** The latest violation up to the cursor that involves node `id`, or that it caused, if any (the node shows it). */
export function selectNodeViolation(s: PlaybackState, id: string): Violation | null {
  const all = s.timeline.violations;
  for (let k = all.length - 1; k >= 0; k--) {
    const v = all[k];
    if (v.step < s.steps && (v.nodes.includes(id) || v.causeNode === id)) return v;
  }
  return null;
}

/** The latest violation up to the cursor whose cause is known: the canvas draws its causal link. */
export function selectCausedViolation(s: PlaybackState): Violation | null {
  const all = s.timeline.violations;
  for (let k = all.length - 1; k >= 0; k--) {
    const v = all[k];
    if (v.step < s.steps && v.causeNode !== undefined) return v;
  }
  return null;
}

/** How many violations the cursor has passed. */
export function selectViolationCount(s: PlaybackState): number {
  let n = 0;
  for (const v of s.timeline.violations) if (v.step < s.steps) n++;
  return n;
}

const warnings = new WeakMap<PlaybackState['scenario'], Map<string, Say | null>>();

/**
 * What client `id` is missing to do its job (cached per scenario: every frame asks); with
 * `draft`, the parameters being typed into the inspector, what it would miss with those.
 */
export function selectClientWarning(s: PlaybackState, id: string, draft?: Record<string, unknown> | null): Say | null {
  if (draft) return clientWarning(withNodeParams(s.scenario, id, draft), id);
  let m = warnings.get(s.scenario);
  if (!m) warnings.set(s.scenario, (m = new Map()));
  if (!m.has(id)) m.set(id, clientWarning(s.scenario, id));
  return m.get(id)!;
}

/** A link's run-time record (parameters after faults, extra latency), for the inspector. */
export function selectLinkLive(s: PlaybackState, id: string): { params: unknown; extraLatencyMs: number } | null {
  if (!hasLink(s, id)) return null;
  const l = s.sim.link(id);
  return { params: l.params, extraLatencyMs: l.extraLatencyMs };
}

/** Whether playback stopped at a violation just now. */
export const selectHalted = (s: PlaybackState) => s.haltedAt !== null;

/** How many interventions the scenario has. */
export const selectInterventionCount = (s: PlaybackState) => s.scenario.interventions.length;

/** A number that changes whenever the engine does (for views that read the engine directly). */
export const selectVersion = (s: PlaybackState) => s.version;

const logs = new WeakMap<PlaybackState['sim'], { steps: number; labels: PlaybackState['labels']; filter: LogFilter; limit: number; rows: readonly NarratedEvent[] }>();

/**
 * The event log after `steps` steps (the cursor, or a throttled copy of it) through `filter`,
 * newest first, at most `limit` lines. The same array until one of those, the labels or the
 * run changes, so a subscriber asking every frame re-renders only when the log does.
 */
export function selectLog(s: PlaybackState, steps: number, filter: LogFilter, limit = LOG_LIMIT): readonly NarratedEvent[] {
  const hit = logs.get(s.sim);
  if (hit && hit.steps === steps && hit.labels === s.labels && hit.filter.node === filter.node && hit.filter.kinds === filter.kinds && hit.limit === limit) return hit.rows;
  const rows = logAt(s.sim, steps, s.labels, filter, limit, hit && hit.labels === s.labels ? hit.rows : []);
  logs.set(s.sim, { steps, labels: s.labels, filter, limit, rows });
  return rows;
}
