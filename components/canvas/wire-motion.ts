/** A lost message glides for this share of its life, then falls off the wire. */
const GLIDE = 0.7;

/**
 * Where a message is at true time `now`: how far along its wire it has travelled (0..1, from
 * its sender) and, for a lost one, how far it has fallen off (0..1). A message sent at
 * `sentAt` that arrives at `arriveAt` is (now − sentAt)/(arriveAt − sentAt) of the way along;
 * a lost one vanishes half-way (the engine drops it there, at `arriveAt`): it glides towards
 * the middle, then drops and fades. With reduced motion it waits at the middle instead.
 */
export function wireMotion(m: { sentAt: number; arriveAt: number; lost: boolean }, now: number, still: boolean): { progress: number; travelled: number; fall: number } {
  const span = m.arriveAt - m.sentAt;
  const progress = span > 0 ? Math.min(1, Math.max(0, (now - m.sentAt) / span)) : 1;
  const travelled = still ? 0.5 : m.lost ? 0.5 * Math.min(1, progress / GLIDE) : progress;
  const fall = m.lost && !still ? Math.max(0, (progress - GLIDE) / (1 - GLIDE)) : 0;
  return { progress, travelled, fall };
}
