import type { NodeStatus } from '@/engine/core/simulation';
import type { PlaybackState } from './playback-store';

// Selectors live outside components so their identity is stable; object-returning ones are
// read with useShallow so a frame that changes nothing they return does not re-render.

export const selectTime = (s: PlaybackState) => s.time;
export const selectSteps = (s: PlaybackState) => s.steps;
export const selectPlaying = (s: PlaybackState) => s.playing;
export const selectCaption = (s: PlaybackState) => s.caption;
export const selectLog = (s: PlaybackState) => s.log;
export const selectInFlight = (s: PlaybackState) => s.inFlight;
export const selectScenario = (s: PlaybackState) => s.scenario;
export const selectLabels = (s: PlaybackState) => s.labels;
/** The engine; pair it with a subscription that changes when the engine does. */
export const selectSim = (s: PlaybackState) => s.sim;

/** What the controls bar shows. */
export const selectClock = (s: PlaybackState) => ({
  playing: s.playing,
  speed: s.speed,
  time: s.time,
  steps: s.steps,
  untilMs: s.untilMs,
  finished: s.finished,
});

/** The actions (stable functions). */
export const selectActions = (s: PlaybackState) => ({
  play: s.play,
  pause: s.pause,
  togglePlay: s.togglePlay,
  stepForward: s.stepForward,
  restart: s.restart,
  seek: s.seek,
  setSpeed: s.setSpeed,
});

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
  if (!s.sim.nodeIds.includes(id)) return { exists: false, status: 'up', state: null, localNow: s.time, now: s.time };
  const n = s.sim.node(id);
  return { exists: true, status: n.status, state: n.state, localNow: s.sim.localNow(id), now: s.time };
}

/** Whether link `id` is currently cut. */
export function selectLinkCut(s: PlaybackState, id: string): boolean {
  return s.sim.linkIds.includes(id) && s.sim.link(id).params.partitioned;
}
