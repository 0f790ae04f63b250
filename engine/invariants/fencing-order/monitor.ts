import type { MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';

/**
 * Fencing order: once the resource has accepted a fencing token, it must never accept a
 * smaller one. A storage with `fencing` on refuses such requests; one without it lets a stale
 * holder (paused, partitioned, or whose lease ran out) write over its successor.
 */
export interface FencingOrderState {
  /** Per storage node: the largest token accepted, from whom and when. */
  max: Record<string, { token: number; client: string; at: number }>;
}

const ms = (t: number) => `${Math.round(t)} ms`;

export const fencingOrder: MonitorDef<FencingOrderState> = {
  id: 'fencing-order',
  title: 'The resource never accepts a fencing token smaller than one it has already seen',
  watches: ['storage.enter', 'storage.write'],
  init: () => ({ max: {} }),
  onEvent(s, ev, ctx) {
    if (ev.type !== 'storage.enter' && ev.type !== 'storage.write') return s;
    if (ev.token === null) return s;
    const m = s.max[ev.node];
    if (m && ev.token < m.token) {
      const what = ev.type === 'storage.write' ? p('invariants.foWrite', { value: ev.value }) : p('invariants.foSection');
      ctx.violate(
        p('invariants.fo', { node: ctx.name(ev.node), client: ctx.name(ev.client), what, token: ev.token, at: ms(ev.t), seen: m.token, from: ctx.name(m.client), seenAt: ms(m.at) }),
        [ev.client, m.client, ev.node],
        ev.i,
      );
      ctx.metric('fencing-order.violations');
      return s;
    }
    if (m && ev.token === m.token) return s;
    return { max: { ...s.max, [ev.node]: { token: ev.token, client: ev.client, at: ev.t } } };
  },
};
