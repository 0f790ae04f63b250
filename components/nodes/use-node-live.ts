'use client';

import { useShallow } from 'zustand/react/shallow';
import type { NodeType, NodeViewOf } from '@/engine/models/catalog';
import { usePlayback } from '@/stores/playback-context';
import { selectLocalNow, selectNode, selectNodeView, type NodeLive, type NodeViewLive } from '@/stores/selectors';

/**
 * The live engine record of node `id` (its raw state, its clock); re-renders only when one of
 * its fields changes. Its clock fields move every frame of playback, so whatever uses this
 * re-renders every frame: the inspector does, cards read useNodeView.
 */
export function useNodeLive(id: string): NodeLive {
  return usePlayback(useShallow((s) => selectNode(s, id)));
}

/**
 * Node `id`'s status, clock offset and its kind's view of its state (null when the run has no
 * such node). Re-renders only when one of them changes, not on every frame of playback: the
 * view is the same object while the state is unchanged. `T` is the node's type, which the card
 * asking knows (it is registered for that type).
 */
export function useNodeView<T extends NodeType>(id: string): NodeViewLive<NodeViewOf<T>> | null {
  return usePlayback(useShallow((s) => selectNodeView(s, id))) as NodeViewLive<NodeViewOf<T>> | null;
}

/** Node `id`'s clock reading, every frame while `ticking` (0 otherwise, without re-rendering). */
export function useNodeClock(id: string, ticking: boolean): number {
  return usePlayback((s) => (ticking ? selectLocalNow(s, id) : 0));
}
