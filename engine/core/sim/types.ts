import type { LocalClock } from '../clock';
import type { Intervention } from '../faults';
import type { MonitorDef } from '../monitor';
import type { LinkParams, LinkState } from '../network';
import type { QueueItem } from '../queue';
import type { RngState } from '../rng';
import type { Msg } from '../msg';
import type { ModelDef } from '../types';

/** Where a node is in its life. */
export type NodeStatus = 'up' | 'crashed' | 'paused';

/** A node at run time: plain data. */
export interface NodeRuntime {
  id: string;
  type: string;
  params: unknown;
  status: NodeStatus;
  /** Bumped on each crash, so timers set before it never fire after. */
  incarnation: number;
  /** Bumped on each pause, so only the latest pause's resume counts. */
  pauseId: number;
  pausedUntil: number;
  clock: LocalClock;
  state: unknown;
  /** Messages and timers that arrived while paused, in arrival order. */
  deferred: QueueItem[];
}

/** The whole world as plain data: what a snapshot holds. */
export interface WorldState {
  t: number;
  seq: number;
  step: number;
  rng: RngState;
  nextTimerId: number;
  nodes: NodeRuntime[];
  links: LinkState[];
  cancelled: number[];
  metrics: Record<string, number>;
  monitors: unknown[];
  queue: { time: number; seq: number; item: QueueItem }[];
}

/**
 * The world while it runs: the queue and the cancelled timers live in their own structures
 * (the event queue, the timer table) and join the record only when a snapshot is taken.
 */
export type LiveWorld = Omit<WorldState, 'queue' | 'cancelled'>;

/** What a simulation is built from (the scenario builder produces this). */
export interface SimSpec {
  seed: number;
  /** `label`: the name people gave the node, used in sentences the engine writes (violations). */
  nodes: { id: string; type: string; params: unknown; skewMs?: number; drift?: number; label?: string }[];
  links: { id: string; source: string; target: string; params?: Partial<LinkParams> }[];
  interventions?: Intervention[];
  monitors?: MonitorDef[];
}

export interface SimOptions {
  /** Record the trace (the UI and CLI do; the bench measures both ways). Default true. */
  record?: boolean;
  /** Take a snapshot every this many steps, for time travel. 0 = never. Default 1000. */
  snapshotEvery?: number;
  /** The memory snapshots may hold together, about (see SNAPSHOT_BYTES, the default). */
  snapshotBytes?: number;
}

/** The models a simulation may instantiate, by node type. */
export type Registry = Readonly<Record<string, ModelDef<never, unknown>>>;

/**
 * A message on the wire, for animation. A lost message (`lost`) vanishes half-way: its
 * `arriveAt` is the moment it disappears, not an arrival.
 */
export interface InFlight {
  readonly from: string;
  readonly to: string;
  readonly link: string;
  readonly sentAt: number;
  readonly arriveAt: number;
  readonly msg: Msg;
  readonly lost: boolean;
  readonly seq: number;
}

/** The node side of a delivery: what the transport hands an arrived message to. */
export interface Receiver {
  /** Runs node `to`'s handler for `msg` from node `from`, which came over link `li`. */
  receive(to: number, from: number, li: number, msg: Msg): void;
}
