import type { MonitorDef } from '../../core/monitor';
import { p } from '../../core/phrase';

/** Every message sent is delivered: flags each drop (loss, cut link, dead receiver). */
export const noLostMessages: MonitorDef<{ dropped: number }> = {
  id: 'no-lost-messages',
  title: 'Every message that is sent arrives',
  watches: ['net.drop'],
  init: () => ({ dropped: 0 }),
  onEvent(s, ev, ctx) {
    if (ev.type !== 'net.drop') return s;
    ctx.violate(p('invariants.nlm', { from: ctx.name(ev.from), to: ctx.name(ev.to), why: p('invariants.nlmWhy', { reason: ev.reason, to: ev.to }) }), [ev.from, ev.to], ev.i);
    ctx.metric('messages.dropped');
    return { dropped: s.dropped + 1 };
  },
};
