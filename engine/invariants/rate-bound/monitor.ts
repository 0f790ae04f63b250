import type { MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';

/**
 * Rate bound, judged from what went through: a limiter that promises "at most L requests in any
 * window of W ms" (its `limiter.decision` events carry the promise) must never let more than L
 * permits on within any W ms, wherever the window starts. A request counts when it goes on: at
 * once, or at its release after a wait. A fixed window breaks it at a boundary (L at the end
 * of one window, L at the start of the next); a sliding log never does.
 *
 * Metric: `rate.bound.violations`.
 */
export interface RateBoundState {
  /** `node|key` -> the promise and the admissions of the last W ms (true time, permits, client, trace index), oldest first. */
  keys: Record<string, { limit: number; windowMs: number; passed: { t: number; n: number; client: string; i: number }[]; quietUntil: number }>;
  /** Requests let through after a wait: `node|client|id` -> key, until their release. */
  waiting: Record<string, string>;
}

const ms = (t: number) => `${Math.round(t)} ms`;

function admit(s: RateBoundState, node: string, key: string, t: number, n: number, client: string, i: number, ctx: Parameters<MonitorDef['onEvent']>[2]): RateBoundState {
  const k = `${node}|${key}`;
  const cur = s.keys[k];
  if (!cur) return s;
  const passed = [...cur.passed.filter((p) => p.t > t - cur.windowMs), { t, n, client, i }];
  const total = passed.reduce((a, p) => a + p.n, 0);
  let quietUntil = cur.quietUntil;
  if (total > cur.limit && t >= cur.quietUntil) {
    // Name the two halves of the burst when a clock-aligned window boundary splits it.
    const boundary = Math.floor(t / cur.windowMs) * cur.windowMs;
    const before = passed.filter((p) => p.t < boundary);
    const after = passed.filter((p) => p.t >= boundary);
    const sum = (xs: typeof passed) => xs.reduce((a, p) => a + p.n, 0);
    const split = before.length > 0 && after.length > 0;
    const halves = split
      ? p('invariants.rbHalves', { n1: sum(before), from1: ms(before[0].t), to1: ms(before[before.length - 1].t), boundary: ms(boundary), n2: sum(after), from2: ms(after[0].t), to2: ms(t) })
      : p('invariants.rbBetween', { from: ms(passed[0].t), to: ms(t) });
    // What the chart highlights: each half of the burst, or the one stretch that held too many.
    // The second half is still arriving when the bound breaks, so its stretch runs to the end of
    // the window the first half opened: whatever lands there is over the limit too.
    const spans = split
      ? [
          { label: p('invariants.rbSpanBefore', { n: sum(before), boundary: ms(boundary) }), from: before[0].t, to: before[before.length - 1].t },
          { label: p('invariants.rbSpanAfter', { until: ms(before[0].t + cur.windowMs) }), from: after[0].t, to: before[0].t + cur.windowMs },
        ]
      : [{ label: p('invariants.rbSpanWithin', { n: total, window: ms(cur.windowMs) }), from: passed[0].t, to: t }];
    const clients = [...new Set(passed.map((p) => p.client))];
    ctx.violate(p('invariants.rb', { node: ctx.name(node), total, window: ms(cur.windowMs), limit: cur.limit, halves }), [node, ...clients], i, undefined, spans);
    ctx.metric('rate.bound.violations');
    // One violation per burst: quiet until this window has passed.
    quietUntil = t + cur.windowMs;
  }
  return { ...s, keys: { ...s.keys, [k]: { ...cur, passed, quietUntil } } };
}

export const rateBound: MonitorDef<RateBoundState> = {
  id: 'rate-bound',
  title: 'No limiter lets more than its limit L through in any window of W',
  watches: ['limiter.decision', 'limiter.release'],
  init: () => ({ keys: {}, waiting: {} }),
  onEvent(s0, ev, ctx) {
    if (ev.type === 'limiter.decision') {
      if (ev.bound === null || !ev.allowed) return s0;
      const k = `${ev.node}|${ev.key}`;
      const s = s0.keys[k] ? s0 : { ...s0, keys: { ...s0.keys, [k]: { ...ev.bound, passed: [], quietUntil: 0 } } };
      if (ev.waitMs > 0) return { ...s, waiting: { ...s.waiting, [`${ev.node}|${ev.client}|${ev.id}`]: `${ev.key}\u0000${ev.permits}` } };
      return admit(s, ev.node, ev.key, ev.t, ev.permits, ev.client, ev.i, ctx);
    }
    if (ev.type === 'limiter.release') {
      const w = `${ev.node}|${ev.client}|${ev.id}`;
      const entry = s0.waiting[w];
      if (entry === undefined) return s0;
      const [key, permits] = entry.split('\u0000');
      const waiting = { ...s0.waiting };
      delete waiting[w];
      return admit({ ...s0, waiting }, ev.node, key, ev.t, Number(permits), ev.client, ev.i, ctx);
    }
    return s0;
  },
};
