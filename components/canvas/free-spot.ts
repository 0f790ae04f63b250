/** A card's box on the canvas (flow coordinates). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Rect, b: Rect, gap: number) => a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

/**
 * Where a new card of `size` goes: centred on `want` when that is free, else the nearest free
 * place on a 20 px grid around it (nearest first), so a palette click never drops a card on
 * top of another. Returns the card's centre.
 */
export function freeSpot(cards: readonly Rect[], want: { x: number; y: number }, size: { w: number; h: number }, gap = 24): { x: number; y: number } {
  const STEP = 20;
  const candidates: { dx: number; dy: number; d: number }[] = [];
  for (let i = -60; i <= 60; i++) for (let j = -60; j <= 60; j++) candidates.push({ dx: i * STEP, dy: j * STEP, d: Math.hypot(i, j) });
  candidates.sort((a, b) => a.d - b.d || a.dy - b.dy || a.dx - b.dx);
  for (const c of candidates) {
    const box = { x: want.x + c.dx - size.w / 2, y: want.y + c.dy - size.h / 2, w: size.w, h: size.h };
    if (!cards.some((r) => overlaps(box, r, gap))) return { x: want.x + c.dx, y: want.y + c.dy };
  }
  return want;
}
