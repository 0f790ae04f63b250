import type { Say } from '@/engine/core/phrase';
import { describeMessage } from '@/engine/core/narrate';
import type { Simulation } from '@/engine/core/simulation';
import type { TraceEventOf } from '@/engine/core/trace-types';
import type { PlaybackState } from './playback-store';

/** The latest message a node was handed, as its card shows it. */
export interface Received {
  /** Trace index of the delivery. */
  i: number;
  t: number;
  from: string;
  /** The message in the canvas's short words ("NodeChildrenChanged /workers"). */
  text: Say;
}

/** How far back the scan looks for a node's latest delivery. */
const SCAN_LIMIT = 20_000;

/**
 * A heartbeat says nothing new: the card keeps the last message that did (a watch event, a
 * reply). Heartbeats are protocol text shown as it is (ZooKeeper's ping and pong), never a
 * phrase, so telling them needs no catalog.
 */
const HEARTBEAT = /^(ping|pong)$/i;

/** The last result, for the cursor it was computed at: every card asks at the same step. */
let cache: { sim: Simulation; steps: number; map: ReadonlyMap<string, Received> } | null = null;

/**
 * Each node's latest delivery before the cursor (heartbeats aside), found in one backward scan
 * shared by every card. An unchanged delivery keeps its object, so a card re-renders only when its own changed.
 */
function lastReceivedAll(sim: Simulation, steps: number): ReadonlyMap<string, Received> {
  if (cache && cache.sim === sim && cache.steps === steps) return cache.map;
  const prev = cache?.sim === sim ? cache.map : null;
  const map = new Map<string, Received>();
  const end = sim.trace.firstIndexOfStep(steps);
  for (let i = end - 1; i >= Math.max(0, end - SCAN_LIMIT) && map.size < sim.nodeIds.length; i--) {
    if (sim.trace.typeAt(i) !== 'net.deliver') continue;
    const node = sim.trace.nodeAt(i);
    if (map.has(node)) continue;
    const old = prev?.get(node);
    if (old?.i === i) {
      map.set(node, old);
      continue;
    }
    const ev = sim.trace.get(i) as TraceEventOf<'net.deliver'>;
    const text = describeMessage(sim, ev.msg, ev.from, node);
    if (!(typeof text === 'string' && HEARTBEAT.test(text))) map.set(node, { i, t: ev.t, from: ev.from, text });
  }
  cache = { sim, steps, map };
  return map;
}

/** The latest message node `id` received before the cursor, or null. */
export function selectLastReceived(s: PlaybackState, id: string): Received | null {
  return lastReceivedAll(s.sim, s.steps).get(id) ?? null;
}
