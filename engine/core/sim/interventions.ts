import { localTime, setDrift, skewClock } from '../clock';
import type { Intervention } from '../faults';
import { ItemKind } from '../queue';
import type { Handlers } from './handlers';
import { CRASHED, PAUSED, item, type Kernel } from './kernel';
import type { Recorder } from './recorder';
import type { Transport } from './transport';

/**
 * Faults and other interventions, applied when their scheduled time comes: crash, restart,
 * pause (and the resume it schedules), clock skew and drift at a node; link changes go to the
 * transport. An intervention that makes no sense at that moment (restarting a running node,
 * naming an unknown node or link) does nothing.
 */
export class Interventions {
  constructor(
    private readonly k: Kernel,
    private readonly rec: Recorder,
    private readonly handlers: Handlers,
    private readonly transport: Transport,
  ) {}

  /** Queues `iv` at its time. */
  schedule(iv: Intervention): void {
    const it = item(ItemKind.Fault, -1);
    it.payload = iv;
    this.k.schedule(iv.at, it);
  }

  /** Applies `iv` now (its time has come). */
  apply(iv: Intervention): void {
    if (iv.kind === 'partition' || iv.kind === 'heal' || iv.kind === 'link') {
      this.transport.change(iv);
      return;
    }
    const k = this.k;
    const w = k.w;
    const i = k.idIndex.get(iv.node);
    if (i === undefined) return;
    const node = w.nodes[i];
    switch (iv.kind) {
      case 'crash': {
        if (k.status[i] === CRASHED) return;
        const m = k.models[i];
        k.setStatus(i, 'crashed');
        node.incarnation++;
        k.incarnation[i] = node.incarnation;
        node.deferred = [];
        k.states[i] = m.crash ? m.crash(k.states[i], node.params) : m.init(node.params);
        this.rec.emit(i, 'fault.crash', {});
        // A process crash: its host stays up and resets the process's connections.
        this.transport.tcp.crashed(i);
        return;
      }
      case 'restart':
        if (k.status[i] !== CRASHED) return;
        k.setStatus(i, 'up');
        this.rec.emit(i, 'fault.restart', {});
        this.handlers.start(i);
        return;
      case 'pause': {
        if (k.status[i] === CRASHED) return;
        k.setStatus(i, 'paused');
        node.pauseId++;
        node.pausedUntil = Math.max(node.pausedUntil, w.t + iv.durationMs);
        this.rec.emit(i, 'fault.pause', { durationMs: iv.durationMs });
        const it = item(ItemKind.Resume, i);
        it.id = node.pauseId;
        k.schedule(node.pausedUntil, it);
        return;
      }
      case 'skew':
        node.clock = skewClock(node.clock, w.t, iv.deltaMs);
        this.rec.emit(i, 'fault.skew', { deltaMs: iv.deltaMs, skewMs: localTime(node.clock, w.t) - w.t });
        this.handlers.clockChanged(i);
        return;
      case 'drift':
        node.clock = setDrift(node.clock, w.t, iv.drift);
        this.rec.emit(i, 'fault.drift', { drift: iv.drift });
        this.handlers.clockChanged(i);
        return;
    }
  }

  /** Ends pause `pauseId` of node `i` (unless a later pause superseded it): what waited runs now. */
  resume(i: number, pauseId: number): void {
    const k = this.k;
    const node = k.w.nodes[i];
    if (k.status[i] !== PAUSED || node.pauseId !== pauseId) return;
    k.setStatus(i, 'up');
    const held = node.deferred;
    node.deferred = [];
    this.rec.emit(i, 'fault.resume', { deferred: held.length });
    // Everything that waited is handled now, in the order it arrived.
    for (const h of held) k.schedule(k.w.t, h);
  }
}
