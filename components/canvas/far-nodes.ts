import { Position, type NodeHandle } from '@xyflow/react';
import { FAR_CARD } from '../nodes/zoom-levels';
import type { AppNode } from './flow-types';

/** A card's link handle: 12 px square (node-card.tsx's `handle`), centred on the card's edge. */
const HANDLE = 12;

/** Where React Flow draws a far card's two handles (as its stylesheet places them), left and right or top and bottom. */
function farHandles(vertical: boolean): NodeHandle[] {
  const { width: w, height: h } = FAR_CARD;
  const at = (type: 'source' | 'target', position: Position, x: number, y: number): NodeHandle => ({ type, position, x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE });
  return vertical ? [at('target', Position.Top, w / 2, 0), at('source', Position.Bottom, w / 2, h)] : [at('target', Position.Left, 0, h / 2), at('source', Position.Right, w, h / 2)];
}
const HANDLES = { across: farHandles(false), down: farHandles(true) };

// One copy per node object: the same node gives the same far node, so React Flow re-renders none.
const sized = new WeakMap<AppNode, AppNode>();

/**
 * Node `n` drawn as a far card: with the card's size and handles given, React Flow neither
 * measures it (ResizeObserver, then a layout read per card and handle) nor draws the card
 * twice (hidden, then measured), and draws its links in the same render. Opening a 300-node
 * scenario spent most of its time on that.
 */
export function farNode(n: AppNode): AppNode {
  let far = sized.get(n);
  if (!far) {
    const { width, height } = FAR_CARD;
    far = { ...n, width, height, measured: { width, height }, handles: n.data.vertical ? HANDLES.down : HANDLES.across };
    sized.set(n, far);
  }
  return far;
}

/** A near card after far ones: React Flow measures it again (a far size kept as `measured` would stand in for its own). */
export function unmeasured(n: AppNode): AppNode {
  if (n.measured === undefined) return n;
  const rest = { ...n };
  delete rest.measured;
  return rest;
}
