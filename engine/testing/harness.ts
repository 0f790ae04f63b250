import type { Intervention } from '../core/faults';
import { Simulation, type SimOptions, type SimSpec } from '../core/simulation';
import type { TraceEvent, TraceEventOf, TraceType } from '../core/trace-types';
import type { ModelDef } from '../core/types';

type Registry = Readonly<Record<string, ModelDef<never, unknown>>>;

/**
 * A chainable driver for engine tests: `run(spec, models).at(100).crash('c1').runUntil(5000)`.
 * Faults are scheduled as interventions at the `at` time, exactly as the UI records them.
 */
export class Harness {
  readonly sim: Simulation;
  private t = 0;

  constructor(spec: SimSpec, models: Registry, opts?: SimOptions) {
    this.sim = new Simulation(spec, models, opts);
  }

  /** Sets the time at which the following faults happen. */
  at(t: number): this {
    this.t = t;
    return this;
  }

  private iv(iv: Intervention): this {
    this.sim.intervene(iv);
    return this;
  }

  crash(node: string): this {
    return this.iv({ at: this.t, kind: 'crash', node });
  }
  restart(node: string): this {
    return this.iv({ at: this.t, kind: 'restart', node });
  }
  pause(node: string, durationMs: number): this {
    return this.iv({ at: this.t, kind: 'pause', node, durationMs });
  }
  skew(node: string, deltaMs: number): this {
    return this.iv({ at: this.t, kind: 'skew', node, deltaMs });
  }
  drift(node: string, drift: number): this {
    return this.iv({ at: this.t, kind: 'drift', node, drift });
  }
  partition(edge: string): this {
    return this.iv({ at: this.t, kind: 'partition', edge });
  }
  heal(edge: string): this {
    return this.iv({ at: this.t, kind: 'heal', edge });
  }
  link(edge: string, change: { loss?: number; duplicate?: number; extraLatencyMs?: number }): this {
    return this.iv({ at: this.t, kind: 'link', edge, ...change });
  }

  /** Runs every event up to and including time `t`. */
  runUntil(t: number): this {
    this.sim.runUntil(t);
    return this;
  }

  /** Recorded events, optionally of one type and/or at one node. */
  events<K extends TraceType>(type?: K, node?: string): TraceEventOf<K>[] {
    const out: TraceEvent[] = [];
    for (let i = 0; i < this.sim.trace.length; i++) {
      if (type !== undefined && this.sim.trace.typeAt(i) !== type) continue;
      if (node !== undefined && this.sim.trace.nodeAt(i) !== node) continue;
      out.push(this.sim.trace.get(i));
    }
    return out as TraceEventOf<K>[];
  }
}

/** Starts a chainable run of `spec` with `models`. */
export function run(spec: SimSpec, models: Registry, opts?: SimOptions): Harness {
  return new Harness(spec, models, opts);
}
