import type { AppNode } from './flow-types';

/** A card's width on the canvas (w-60, near and far alike). */
const CARD_WIDTH = 240;
/**
 * The least height a full card has (a header and one line of body). The first view is fitted to
 * cards this small, so when even that zoom is a far one (see FAR_ZOOM), the fit to the measured
 * cards is a far one too: the canvas can draw far cards from its first render on.
 */
const LEAST_CARD_HEIGHT = 80;

/**
 * The nodes React Flow's store starts with when a scenario is opened: each at its place on the
 * canvas with a guessed size, so the store can fit the view before any card is measured
 * (React Flow fits to nodes with an initial size). Drawing 300 full cards at zoom 1 only to
 * measure them, fit, and draw them again far cost most of opening a big scenario.
 */
export function firstViewNodes(nodes: readonly AppNode[]): AppNode[] {
  return nodes.map((n) => ({ ...n, initialWidth: CARD_WIDTH, initialHeight: LEAST_CARD_HEIGHT }));
}
