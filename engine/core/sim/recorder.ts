import type { Say } from '../phrase';
import type { MonitorCtx, MonitorDef } from '../monitor';
import { TraceLog } from '../trace-log';
import type { TraceData, TraceEvent, TraceType } from '../trace-types';
import type { Msg } from '../msg';
import type { EventQueue } from '../queue';
import type { Kernel } from './kernel';
import type { LiveWorld } from './types';

/** When and how a run first broke an invariant. */
export interface FirstViolation {
  t: number;
  monitor: string;
  message: Say;
}

/**
 * Where trace events go: into the trace (when recording) and to the monitors that watch their
 * type. Every event gets an index, recorded or not, so a monitor's `cause` points at the same
 * event whether or not the trace was kept. Replaying steps that are already recorded (after a
 * seek back) records nothing again but still feeds the monitors, whose state was restored.
 */
export class Recorder {
  readonly trace: TraceLog;
  readonly recording: boolean;
  /**
   * The first violation a monitor reported, recorded or not: a hunt runs without a trace and
   * needs to know whether, and when, an invariant broke.
   */
  firstViolation: FirstViolation | null = null;
  /** Steps whose trace is complete; replaying below it records nothing. */
  private recordedSteps = 0;
  /** Index the next emitted event has (or had, when replaying) in the trace. */
  private nextIndex = 0;
  private readonly monitors: readonly MonitorDef[];
  private readonly watchedBy = new Map<string, number[]>();
  private readonly monitorsDeliver: boolean;
  private readonly mctx: MonitorCtx;
  private curMonitor = 0;
  // The kernel's parts this one uses, held directly (see Kernel).
  private readonly w: LiveWorld;
  private readonly q: EventQueue;
  private readonly nodeIds: readonly string[];

  constructor(k: Kernel, monitors: readonly MonitorDef[], recording: boolean) {
    this.w = k.w;
    this.q = k.q;
    this.nodeIds = k.nodeIds;
    this.trace = new TraceLog(k.nodeIds);
    this.recording = recording;
    this.monitors = monitors;
    monitors.forEach((m, mi) => {
      for (const type of m.watches) {
        const list = this.watchedBy.get(type) ?? [];
        list.push(mi);
        this.watchedBy.set(type, list);
      }
    });
    this.monitorsDeliver = this.watchedBy.has('net.deliver');
    this.mctx = {
      violate: (message, nodes, cause, causeNode, spans) => {
        const at = nodes.length > 0 ? (k.idIndex.get(nodes[0]) ?? -1) : -1;
        const who = causeNode === undefined ? {} : { causeNode };
        const where = spans === undefined ? {} : { spans };
        this.firstViolation ??= { t: k.w.t, monitor: this.monitors[this.curMonitor].id, message };
        this.emit(at, 'invariant.violation', { monitor: this.monitors[this.curMonitor].id, message, nodes, cause, ...who, ...where });
      },
      name: (id) => k.labels.get(id) ?? id,
      metric: (name, delta = 1) => k.metric(name, delta),
      setMetric: (name, value) => {
        k.w.metrics[name] = value;
      },
    };
  }

  /** Records event `type` at node index `node` (-1: no node) in the step being run. */
  emit<K extends TraceType>(node: number, type: K, data: TraceData<K>): void {
    const w = this.w;
    const idx = this.nextIndex++;
    if (this.recording && w.step >= this.recordedSteps) {
      this.trace.push(w.t, w.step, node, type, data as object);
    }
    if (this.watchedBy.has(type)) {
      const ev = { i: idx, step: w.step, t: w.t, type, node: node < 0 ? '' : this.nodeIds[node], ...data } as TraceEvent;
      this.feedMonitors(ev);
    }
  }

  /**
   * Index of the last event emitted (recorded or not): a message sent now carries it, and the
   * trace finds the message's send time there when it is delivered (see `TraceLog.pushDeliver`).
   */
  get lastIndex(): number {
    return this.nextIndex - 1;
  }

  /**
   * Records the message in queue slot `slot` handed to node `to`: the commonest event, stored
   * without a record object. Its send time and sender's index are read from the slot only when
   * they are needed, which without a trace or a monitor is never.
   */
  deliver(to: number, from: number, slot: number, msg: Msg): void {
    const w = this.w;
    const idx = this.nextIndex++;
    if (this.recording && w.step >= this.recordedSteps) {
      this.trace.pushDeliver(w.t, w.step, to, from, this.q.sentAt[slot], msg, this.q.id[slot]);
    }
    if (this.monitorsDeliver) this.deliverToMonitors(idx, to, from, this.q.sentAt[slot], msg);
  }

  // Out of line, so the delivery path stays small enough for the compiler to inline into the loop.
  private deliverToMonitors(i: number, to: number, from: number, sentAt: number, msg: Msg): void {
    const w = this.w;
    const ids = this.nodeIds;
    this.feedMonitors({ i, step: w.step, t: w.t, type: 'net.deliver', node: ids[to], from: ids[from], sentAt, msg });
  }

  /** Marks `step` done; true when it had not been recorded before (a new step of the run). */
  completes(step: number): boolean {
    if (!this.recording || step <= this.recordedSteps) return false;
    this.recordedSteps = step;
    return true;
  }

  /** Goes back to the start of `step`, after a snapshot from then was restored. */
  rewind(step: number): void {
    this.nextIndex = this.trace.firstIndexOfStep(step);
  }

  private feedMonitors(ev: TraceEvent): void {
    const list = this.watchedBy.get(ev.type);
    if (!list) return;
    const w = this.w;
    const saved = this.curMonitor;
    for (const mi of list) {
      this.curMonitor = mi;
      w.monitors[mi] = this.monitors[mi].onEvent(w.monitors[mi], ev, this.mctx);
    }
    this.curMonitor = saved;
  }
}
