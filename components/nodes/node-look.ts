import { createContext, useContext } from 'react';
import type { NodeUi } from './kind-ui';

/** The icon and tone of the kind a card draws. */
export type NodeLook = Pick<NodeUi, 'icon' | 'tone'>;

/**
 * Given by the card table (components/canvas/flow-registry.ts), which holds every kind's UI
 * manifest, to the card it renders, and read by the frame every card shares (node-card.tsx).
 * The frame cannot look its kind up in the catalog itself: the catalog fetches the cards, which
 * render the frame, so that import closed a cycle.
 */
export const NodeLookContext = createContext<NodeLook | null>(null);

/** The look of the card being drawn. A card drawn outside the card table has none: a bug, so it throws. */
export function useNodeLook(kind: string): NodeLook {
  const look = useContext(NodeLookContext);
  if (look === null) throw new Error(`the ${kind} card was drawn outside the card table (components/canvas/flow-registry.ts), which gives it its look`);
  return look;
}
