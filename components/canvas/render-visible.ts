/**
 * From this many cards on, the canvas renders only the cards and links in view (React Flow's
 * onlyRenderVisibleElements). A document this big opens fitted at the least zoom (MIN_ZOOM),
 * where most of it lies outside the view: at 300 nodes on a laptop about 80 cards are on
 * screen, and rendering the other 220 with their links cost the open more than half its time.
 * Panning renders what comes into view. Smaller documents keep every card in the page.
 */
export const RENDER_VISIBLE_FROM = 150;
