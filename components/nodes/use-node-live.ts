'use client';

import { useShallow } from 'zustand/react/shallow';
import { usePlayback } from '@/stores/playback-context';
import { selectNode, type NodeLive } from '@/stores/selectors';

/** The live engine record of node `id`; re-renders only when one of its fields changes. */
export function useNodeLive(id: string): NodeLive {
  return usePlayback(useShallow((s) => selectNode(s, id)));
}
