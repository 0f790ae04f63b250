import type { MonitorDef } from '../../core/monitor';

/** Every message sent is delivered: flags each drop (loss, cut link, dead receiver). */
export const noLostMessages: MonitorDef<{ dropped: number }> = {
  id: 'no-lost-messages',
  title: 'Every message that is sent arrives',
  watches: ['net.drop'],
  init: () => ({ dropped: 0 }),
  onEvent(s, ev, ctx) {
    if (ev.type !== 'net.drop') return s;
    const why = { loss: 'it was lost on the link', partition: 'the link is cut', crashed: `${ev.to} was down when it arrived`, 'no-link': `there is no link to ${ev.to}`, reset: `${ev.to} had closed that connection` }[ev.reason];
    ctx.violate(`a message from ${ctx.name(ev.from)} to ${ctx.name(ev.to)} never arrived: ${why}`, [ev.from, ev.to], ev.i);
    ctx.metric('messages.dropped');
    return { dropped: s.dropped + 1 };
  },
};
