import { describeClose } from './connection';
import { describeIntervention } from './faults';
import type { Msg } from './msg';
import type { Simulation } from './simulation';
import type { TraceEvent } from './trace-types';

const ms = (t: number) => `${Math.round(t * 10) / 10} ms`;

/**
 * A message in words ("SET k v", "(integer) 1"): asked of the receiver's model first, then the
 * sender's, since either may be the one that knows the protocol.
 */
export function describeMessage(sim: Simulation, msg: Msg, from: string, to: string): string {
  for (const id of [to, from]) {
    if (!sim.nodeIds.includes(id)) continue;
    const d = sim.modelOf(id).describeMessage?.(msg);
    if (d !== undefined && d !== msg.type) return d;
  }
  return msg.type;
}

/**
 * One plain-language line for a trace event. `labels` maps node ids to what the canvas shows.
 */
export function narrate(sim: Simulation, ev: TraceEvent, labels: Readonly<Record<string, string>> = {}): string {
  const name = (id: string) => labels[id] ?? id;
  const describe = (msg: Msg, from: string, to: string) => describeMessage(sim, msg, from, to);
  switch (ev.type) {
    case 'node.start':
      return `${name(ev.node)} starts`;
    case 'net.deliver':
      return `${name(ev.from)} → ${name(ev.node)}: ${describe(ev.msg, ev.from, ev.node)} (in flight ${ms(ev.t - ev.sentAt)})`;
    case 'net.drop': {
      const why = {
        loss: 'lost on the link',
        partition: 'the link is cut',
        crashed: `${name(ev.to)} is down`,
        'no-link': `no link to ${name(ev.to)}`,
        reset: `it belongs to a connection ${name(ev.to)} has closed, which answers with a reset`,
      }[ev.reason];
      return `${name(ev.from)} → ${name(ev.to)}: ${describe(ev.msg, ev.from, ev.to)} dropped: ${why}`;
    }
    case 'net.stall': {
      const why = { partition: 'the link is cut', loss: 'it was lost on the wire', behind: 'an earlier segment is still being retransmitted' }[ev.reason];
      return `${name(ev.from)} → ${name(ev.to)}: ${describe(ev.msg, ev.from, ev.to)} waits in ${name(ev.from)}'s TCP send buffer (${why}); retransmitting, RTO ${ms(ev.rtoMs)}`;
    }
    case 'net.retransmit':
      return ev.ok
        ? `${name(ev.from)} retransmits ${ev.count} segment(s) to ${name(ev.to)}, and this time they get through`
        : `${name(ev.from)}'s retransmission #${ev.retry} to ${name(ev.to)} ${ev.cut ? 'hits the cut' : 'is lost again'}; next try in ${ms(ev.rtoMs)} (the timeout doubles)`;
    case 'net.closed':
      return `${name(ev.node)}: ${describeClose(ev.reason, name(ev.peer))}`;
    case 'net.close':
      return `${name(ev.node)} closes its connection to ${name(ev.peer)}`;
    case 'net.duplicate':
      return `${name(ev.from)} → ${name(ev.to)}: ${describe(ev.msg, ev.from, ev.to)} will arrive twice`;
    case 'timer.fire':
      return `${name(ev.node)}: ${sim.modelOf(ev.node).describeTimer?.(ev.payload, sim.node(ev.node).params) ?? 'timer fires'}`;
    case 'fault.crash':
      return `${name(ev.node)} crashes: its memory is gone`;
    case 'fault.restart':
      return `${name(ev.node)} restarts`;
    case 'fault.pause':
      return `${name(ev.node)} freezes (GC pause) for ${ms(ev.durationMs)}; its clock keeps running`;
    case 'fault.resume':
      return `${name(ev.node)} resumes${ev.deferred ? ` and handles ${ev.deferred} event(s) that waited` : ''}`;
    case 'fault.skew':
      return `${name(ev.node)}'s clock jumps ${ev.deltaMs >= 0 ? 'forward' : 'back'} ${ms(Math.abs(ev.deltaMs))} (now ${ev.skewMs >= 0 ? '+' : ''}${ms(ev.skewMs)} off)`;
    case 'fault.drift':
      return `${name(ev.node)}'s clock now drifts by ${ev.drift * 100}%`;
    case 'fault.partition':
      return sim.link(ev.edge).params.transport === 'datagram'
        ? `link ${ev.edge} is cut: datagrams on it are dropped`
        : `link ${ev.edge} is cut: TCP keeps what is sent on it and retransmits, with a growing timeout, until the link heals or it gives up`;
    case 'fault.heal':
      return `link ${ev.edge} is healed`;
    case 'fault.link':
      return describeIntervention({ at: ev.t, kind: 'link', edge: ev.edge, loss: ev.loss, duplicate: ev.duplicate, extraLatencyMs: ev.extraLatencyMs });
    case 'invariant.violation':
      return `✖ ${ev.message}`;
    case 'metric.note':
      return `${ev.name} = ${ev.value}`;
    default: {
      const line = ev.node ? sim.modelOf(ev.node).narrate?.(ev, name, sim.node(ev.node).params) : undefined;
      return line ?? `${name(ev.node)}: ${ev.type}`;
    }
  }
}
