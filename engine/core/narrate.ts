import type { CloseReason } from './connection';
import type { Intervention } from './faults';
import type { Msg } from './msg';
import { p, type Phrase, type Say } from './phrase';
import type { Simulation } from './simulation';
import type { TraceEvent } from './trace-types';

/**
 * A message in words ("SET k v", "(integer) 1"): asked of the receiver's model first, then the
 * sender's, since either may be the one that knows the protocol.
 */
export function describeMessage(sim: Simulation, msg: Msg, from: string, to: string): Say {
  for (const id of [to, from]) {
    if (!sim.nodeIds.includes(id)) continue;
    const d = sim.modelOf(id).describeMessage?.(msg);
    if (d !== undefined && d !== msg.type) return d;
  }
  return msg.type;
}

/** A duration for narration: rounded to a tenth of a millisecond. */
export const msPhrase = (t: number): Phrase => p('core.ms', { n: Math.round(t * 10) / 10 });

/** Why a connection closed, as `node` tells it (`peer` is the other end's name). */
export function closePhrase(reason: CloseReason, peer: string): Phrase {
  const id = { reset: 'core.closeReset', refused: 'core.closeRefused', eof: 'core.closeEof', timeout: 'core.closeTimeout' }[reason];
  return p(id, { peer });
}

/** A planned fault in words ("pause c1 for 300 ms"); `node` and `edge` are already names. */
export function interventionPhrase(iv: Intervention): Phrase {
  switch (iv.kind) {
    case 'crash':
      return p('core.ivCrash', { node: iv.node });
    case 'restart':
      return p('core.ivRestart', { node: iv.node });
    case 'pause':
      return p('core.ivPause', { node: iv.node, ms: iv.durationMs });
    case 'skew':
      return p('core.ivSkew', { node: iv.node, delta: `${iv.deltaMs > 0 ? '+' : ''}${iv.deltaMs}` });
    case 'drift':
      return p('core.ivDrift', { node: iv.node, drift: iv.drift });
    case 'partition':
      return p('core.ivPartition', { edge: iv.edge });
    case 'heal':
      return p('core.ivHeal', { edge: iv.edge });
    case 'link': {
      const parts: Phrase[] = [];
      if (iv.loss !== undefined) parts.push(p('core.ivLinkLoss', { loss: iv.loss }));
      if (iv.duplicate !== undefined) parts.push(p('core.ivLinkDuplicate', { duplicate: iv.duplicate }));
      if (iv.extraLatencyMs !== undefined) parts.push(p('core.ivLinkLatency', { ms: iv.extraLatencyMs }));
      return p('core.ivLink', { edge: iv.edge, changes: parts.length > 0 ? parts : p('core.ivLinkNone') });
    }
  }
}

/**
 * One plain-language line for a trace event, as a phrase the reader's language renders.
 * `labels` maps node ids to what the canvas shows.
 */
export function narrate(sim: Simulation, ev: TraceEvent, labels: Readonly<Record<string, string>> = {}): Say {
  const name = (id: string) => labels[id] ?? id;
  const describe = (msg: Msg, from: string, to: string) => describeMessage(sim, msg, from, to);
  switch (ev.type) {
    case 'node.start':
      return p('core.start', { node: name(ev.node) });
    case 'net.deliver':
      return p('core.deliver', { from: name(ev.from), node: name(ev.node), what: describe(ev.msg, ev.from, ev.node), ms: msPhrase(ev.t - ev.sentAt) });
    case 'net.drop': {
      const why = p({ loss: 'core.dropLoss', partition: 'core.dropPartition', crashed: 'core.dropCrashed', 'no-link': 'core.dropNoLink', reset: 'core.dropReset' }[ev.reason], { to: name(ev.to) });
      return p('core.drop', { from: name(ev.from), to: name(ev.to), what: describe(ev.msg, ev.from, ev.to), why });
    }
    case 'net.stall': {
      const why = p({ partition: 'core.stallPartition', loss: 'core.stallLoss', behind: 'core.stallBehind' }[ev.reason]);
      return p('core.stall', { from: name(ev.from), to: name(ev.to), what: describe(ev.msg, ev.from, ev.to), why, rto: msPhrase(ev.rtoMs) });
    }
    case 'net.retransmit':
      return ev.ok
        ? p('core.retransmitOk', { from: name(ev.from), to: name(ev.to), count: ev.count })
        : p('core.retransmitFail', { from: name(ev.from), to: name(ev.to), retry: ev.retry, cut: ev.cut ? 'yes' : 'no', rto: msPhrase(ev.rtoMs) });
    case 'net.closed':
      return p('core.closed', { node: name(ev.node), why: closePhrase(ev.reason, name(ev.peer)) });
    case 'net.close':
      return p('core.close', { node: name(ev.node), peer: name(ev.peer) });
    case 'net.duplicate':
      return p('core.duplicate', { from: name(ev.from), to: name(ev.to), what: describe(ev.msg, ev.from, ev.to) });
    case 'timer.fire':
      return p('core.timer', { node: name(ev.node), what: sim.modelOf(ev.node).describeTimer?.(ev.payload, sim.node(ev.node).params) ?? p('core.timerFires') });
    case 'fault.crash':
      return p('core.crash', { node: name(ev.node) });
    case 'fault.restart':
      return p('core.restart', { node: name(ev.node) });
    case 'fault.pause':
      return p('core.pause', { node: name(ev.node), ms: msPhrase(ev.durationMs) });
    case 'fault.resume':
      return ev.deferred ? p('core.resumeDeferred', { node: name(ev.node), count: ev.deferred }) : p('core.resume', { node: name(ev.node) });
    case 'fault.skew':
      return p('core.skew', { node: name(ev.node), dir: ev.deltaMs >= 0 ? 'forward' : 'back', ms: msPhrase(Math.abs(ev.deltaMs)), off: `${ev.skewMs >= 0 ? '+' : '-'}${Math.round(Math.abs(ev.skewMs) * 10) / 10} ms` });
    case 'fault.drift':
      return p('core.drift', { node: name(ev.node), pct: ev.drift * 100 });
    case 'fault.partition':
      return p(sim.link(ev.edge).params.transport === 'datagram' ? 'core.partitionDatagram' : 'core.partitionTcp', { edge: ev.edge });
    case 'fault.heal':
      return p('core.heal', { edge: ev.edge });
    case 'fault.link':
      return interventionPhrase({ at: ev.t, kind: 'link', edge: ev.edge, loss: ev.loss, duplicate: ev.duplicate, extraLatencyMs: ev.extraLatencyMs });
    case 'invariant.violation':
      return p('core.violation', { what: ev.message });
    case 'metric.note':
      return p('core.metric', { name: ev.name, value: ev.value });
    default: {
      const line = ev.node ? sim.modelOf(ev.node).narrate?.(ev, name, sim.node(ev.node).params) : undefined;
      return line ?? p('core.event', { node: name(ev.node), type: ev.type });
    }
  }
}
