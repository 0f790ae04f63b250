'use client';

import { useShallow } from 'zustand/react/shallow';
import type { NodeStatus } from '@/engine/core/simulation';
import { usePlayback } from '@/stores/playback-context';
import type { PlaybackState } from '@/stores/playback-store';
import { selectNode, type NodeLive } from '@/stores/selectors';

/**
 * The live engine record of node `id`; re-renders only when one of its fields changes. Its
 * clock fields move every frame of playback, so a card using this re-renders every frame:
 * cards that show nothing time-dependent use useNodeStatic instead.
 */
export function useNodeLive(id: string): NodeLive {
  return usePlayback(useShallow((s) => selectNode(s, id)));
}

/** A node's live record without the clock readings, so it stays still while only time moves. */
export interface NodeStatic {
  exists: boolean;
  status: NodeStatus;
  /** The model state (replaced, never mutated, by the engine). */
  state: unknown;
  /** The node's clock minus true time (ms, to 0.01 ms so float noise does not count as a change). */
  clockOffset: number;
}

function selectStatic(s: PlaybackState, id: string): NodeStatic {
  const n = selectNode(s, id);
  return { exists: n.exists, status: n.status, state: n.state, clockOffset: Math.round((n.localNow - n.now) * 100) / 100 };
}

/**
 * Node `id`'s status, state and clock offset; re-renders only when one of them changes, not on
 * every frame of playback (with a hundred cards on the canvas that is most of a frame's work).
 */
export function useNodeStatic(id: string): NodeStatic {
  return usePlayback(useShallow((s) => selectStatic(s, id)));
}

const selectLocalNow = (s: PlaybackState, id: string) => (s.sim.nodeIds.includes(id) ? s.sim.localNow(id) : s.time);

/** Node `id`'s clock reading, every frame while `ticking` (0 otherwise, without re-rendering). */
export function useNodeClock(id: string, ticking: boolean): number {
  return usePlayback((s) => (ticking ? selectLocalNow(s, id) : 0));
}
