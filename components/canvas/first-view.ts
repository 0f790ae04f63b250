import { getNodesBounds, getViewportForBounds, type FitViewOptions } from '@xyflow/react';
import { FAR_ZOOM } from '../nodes/far-zoom';
import { FAR_CARD } from '../nodes/zoom-levels';
import { farNode } from './far-nodes';
import type { AppNode } from './flow-types';
import { separate } from './separate';

/**
 * The least height a full card has (a header and one line of body). Only when even cards this
 * small fit at a far zoom (see FAR_ZOOM) is a scenario opened with far cards: full cards,
 * measured, would be fitted farther out still.
 */
const LEAST_CARD_HEIGHT = 80;

/**
 * The nodes React Flow's store starts with when a scenario is opened into a canvas of `size`,
 * fitted with `fit` between `minZoom` and `maxZoom` (the store fits to them before any card is
 * measured), and whether it opens zoomed out. Zoomed out, they are the far nodes the canvas
 * draws (far-nodes.ts: sized, nothing to measure), the very objects, so React Flow draws every
 * card and link once. Otherwise each gets the least size a full card has, until measured:
 * drawing 300 full cards at zoom 1 only to measure them, fit, and draw them again far cost most
 * of opening a big scenario.
 */
export function firstView(nodes: readonly AppNode[], size: { width: number; height: number }, fit: FitViewOptions, minZoom: number, maxZoom: number): { nodes: AppNode[]; far: boolean } {
  const least = nodes.map((n) => ({ ...n, initialWidth: FAR_CARD.width, initialHeight: LEAST_CARD_HEIGHT }));
  const { zoom } = getViewportForBounds(getNodesBounds(least), size.width, size.height, minZoom, maxZoom, fit.padding ?? 0.1);
  if (zoom >= FAR_ZOOM) return { nodes: least, far: false };
  // Placed as the canvas will draw them (use-separated.ts), so the view is fitted to where they are.
  const far = nodes.map(farNode);
  const moved = separate(far.map((n) => ({ id: n.id, ...n.position, width: n.width!, height: n.height!, pinned: false })));
  return { nodes: moved.size === 0 ? far : far.map((n) => (moved.has(n.id) ? { ...n, position: { x: n.position.x, y: moved.get(n.id)! } } : n)), far: true };
}
