import type { Say } from './phrase';
import type { Msg } from './msg';
import type { TraceEvent } from './trace-types';
import type { Ctx } from './types';

/** How a client looks on the canvas: a status word and an optional detail line. */
export interface ProgramView {
  status: 'idle' | 'working' | 'waiting' | 'holding' | 'done' | 'failed';
  detail?: Say;
  /** A lease the client counts down on its own clock (local ms `until`, out of `span`), drawn as a draining bar. */
  lease?: { until: number; span: number; label: Say };
}

/**
 * A client-side program's behaviour (lock client, coordinator, traffic source…): plain-data
 * state and pure handlers, hosted by the `client` node model. What is known about it before it
 * loads (title, parameter schema, the node types it needs) is its entry in ./catalog.ts.
 */
export interface ProgramDef<P = unknown, S = unknown> {
  readonly kind: string;
  init(params: P): S;
  start(state: S, ctx: Ctx): S;
  onMessage(state: S, msg: Msg, from: string, ctx: Ctx): S;
  onTimer(state: S, payload: unknown, ctx: Ctx): S;
  view(state: S): ProgramView;
  /**
   * What survives a crash of the node running it: what the program keeps on its own disk (a
   * local database). Without it a crash loses everything and a restart begins anew (init).
   */
  crash?(state: S, params: P): S;
  describeTimer?(payload: unknown): Say;
  /** Runs after the node's clock is stepped or its drift changes (see ModelDef.onClockChange). */
  onClockChange?(state: S, ctx: Ctx): S;
  /** One line for this program's own trace events. */
  narrate?(ev: TraceEvent, name: (id: string) => string): Say | undefined;
}
