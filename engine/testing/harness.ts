import { inEnglish } from '../i18n/english';
import type { Intervention } from '../core/faults';
import { Simulation, type SimOptions, type SimSpec } from '../core/simulation';
import type { TraceData, TraceEvent, TraceEventOf, TraceType } from '../core/trace-types';
import type { ModelDef } from '../core/types';
import type { NodeType } from '../models/catalog';
import type { ClientState } from '../models/client/model';
import type { ProgramKindId } from '../patterns/catalog';
import { describeEvent, matches, nearMisses, type Pattern } from './expect';
import type { ProgramStateOf, StateOf } from './kinds';

type Registry = Readonly<Record<string, ModelDef<never, unknown>>>;

/**
 * What an expectation may name of an event: where and when, and any of its own fields (checked
 * by name); a nested object matches by the keys it gives (`msg: { n: 2 }`).
 */
type EventPattern<K extends TraceType> = { node?: string; t?: number; i?: number; step?: number } & (string extends keyof TraceData<K>
  ? unknown
  : { [F in keyof TraceData<K>]?: TraceData<K>[F] extends object ? TraceData<K>[F] | Pattern : TraceData<K>[F] });

/** A violation as a test reads it. */
export interface Violation {
  t: number;
  monitor: string;
  message: string;
  nodes: string[];
}

/**
 * A chainable driver for engine tests:
 * `fromScenario('zk-lock').at(100).crash('c1').runUntil(5000).expectNoViolation()`, or
 * `run(spec, models)` for a hand-made world. Faults are scheduled as interventions at the `at`
 * time, exactly as the UI records them. Expectations throw with the nearest misses, so a failing
 * test says what happened instead.
 */
export class Harness {
  readonly sim: Simulation;
  private t = 0;

  constructor(
    spec: SimSpec,
    models: Registry,
    opts?: SimOptions,
    /** Where the scenario ends (its playback length), for runToEnd. */
    readonly endMs?: number,
  ) {
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

  /** Runs to the scenario's end (its playback length). */
  runToEnd(): this {
    if (this.endMs === undefined) throw new Error('runToEnd: this run has no end; it was not made from a scenario (use runUntil)');
    return this.runUntil(this.endMs);
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

  /** Events of `type` whose fields (and `node`, `t` when given) match `pattern`. */
  find<K extends TraceType>(type: K, pattern: EventPattern<K> = {}): TraceEventOf<K>[] {
    return this.events(type).filter((e) => matches(e, pattern as Pattern));
  }

  /** The first event of `type` matching `pattern`; throws with the nearest misses when none does. */
  expectEvent<K extends TraceType>(type: K, pattern: EventPattern<K> = {}): TraceEventOf<K> {
    const hit = this.find(type, pattern)[0];
    if (!hit) throw new Error(nearMisses(this.sim.trace.slice(), type, pattern as Pattern));
    return hit;
  }

  /** Throws, naming the first offender, when any event of `type` matches `pattern`. */
  expectNoEvent<K extends TraceType>(type: K, pattern: EventPattern<K> = {}): this {
    const hits = this.find(type, pattern);
    if (hits.length > 0) throw new Error(`expected no ${type} ${JSON.stringify(pattern)}, but ${hits.length} happened; first: ${describeEvent(hits[0])}`);
    return this;
  }

  /** The violations the scenario's monitors reported. */
  get violations(): Violation[] {
    return this.events('invariant.violation').map((e) => ({ t: e.t, monitor: e.monitor, message: inEnglish(e.message), nodes: e.nodes }));
  }

  /** Throws, quoting them, when any monitor reported a violation. */
  expectNoViolation(): this {
    const v = this.violations;
    if (v.length > 0) throw new Error(`expected no violation, but ${v.length} happened:\n${v.map((x) => `  t=${x.t} ${x.monitor}: ${x.message}`).join('\n')}`);
    return this;
  }

  /** The first violation of `monitor` (matching `pattern`); throws, listing what did happen, when none. */
  expectViolation(monitor: string, pattern: Pattern = {}): Violation {
    const hit = this.violations.find((v) => v.monitor === monitor && matches(v, pattern));
    if (hit) return hit;
    const seen = this.violations;
    const others = seen.length ? seen.map((x) => `  t=${x.t} ${x.monitor}: ${x.message}`).join('\n') : '  none at all';
    throw new Error(`expected a ${monitor} violation ${JSON.stringify(pattern)} by t=${this.sim.time}; violations seen:\n${others}`);
  }

  /** The counters the run kept. */
  get metrics(): Readonly<Record<string, number>> {
    return this.sim.metrics;
  }

  /** The state of node `id`, typed by its kind; throws when the node is of another kind. */
  stateOf<K extends NodeType>(id: string, kind: K): StateOf<K> {
    const type = this.sim.modelOf(id).type;
    if (type !== kind) throw new Error(`stateOf: node ${id} is a ${type}, not a ${kind}`);
    return this.sim.node(id).state as StateOf<K>;
  }

  /** The state of the program client `id` runs, typed by its kind; throws when it runs another. */
  programOf<K extends ProgramKindId>(id: string, kind: K): ProgramStateOf<K> {
    const s = this.stateOf(id, 'client') as ClientState;
    if (s.kind !== kind) throw new Error(`programOf: client ${id} runs ${s.kind}, not ${kind}`);
    return s.prog as ProgramStateOf<K>;
  }
}

/** Starts a chainable run of a hand-made world: `spec` with `models`. */
export function run(spec: SimSpec, models: Registry, opts?: SimOptions): Harness {
  return new Harness(spec, models, opts);
}
