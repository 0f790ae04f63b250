import type { SimSpec } from '../core/simulation';
import type { Msg } from '../core/msg';
import type { ModelDef } from '../core/types';

/** A message a scripted peer received: when (its local time), from whom, what. */
export interface Received {
  at: number;
  from: string;
  msg: Msg;
}

/** A scripted peer's parameters: its steps, each sent at true time `step.at` (its clock is unskewed). */
export interface PeerParams<Step> {
  /** Where a step goes when it does not say (`step.to`). */
  target: string;
  steps: Step[];
}

export interface PeerState<Step> {
  p: PeerParams<Step>;
  got: Received[];
}

/** What every step has: its time, and optionally another destination. */
export interface StepBase {
  at: number;
  to?: string;
}

/**
 * A peer that talks to a model directly, for model tests: it sends its steps at fixed times,
 * without waiting for answers, and keeps everything it receives. `build` turns step `i` into the
 * message (it may read what came back so far, to reuse a cookie, say). Its state is plain data,
 * so snapshots and time travel work on it as on any node.
 */
export function scriptedPeer<Step extends StepBase>(type: string, build: (step: Step, i: number, got: readonly Received[]) => Msg): ModelDef<PeerParams<Step>, PeerState<Step>> {
  return {
    type,
    init: (p) => ({ p, got: [] }),
    start(s, ctx) {
      s.p.steps.forEach((st, i) => ctx.setTimer(st.at - ctx.now, i));
      return s;
    },
    onTimer(s, payload, ctx) {
      const i = payload as number;
      const st = s.p.steps[i];
      ctx.send(st.to ?? s.p.target, build(st, i, s.got));
      return s;
    },
    onMessage: (s, msg, from, ctx) => ({ ...s, got: [...s.got, { at: ctx.now, from, msg }] }),
    describeTimer: (payload) => `sends step ${String(payload)}`,
  };
}

/** A step that sends a message as it is. */
export interface RawStep extends StepBase {
  msg: Msg;
}

/** The plain scripted peer (node type `peer`): each step is a ready message. */
export const peer = scriptedPeer<RawStep>('peer', (st) => st.msg);

/** A node running the plain scripted peer. */
export const peerNode = (id: string, target: string, steps: RawStep[]): SimSpec['nodes'][number] => ({ id, type: 'peer', params: { target, steps } });

/** Links every pair given, with a fixed latency when `latencyMs` is given (else the default link). */
export function linked(nodes: SimSpec['nodes'], pairs: [string, string][], latencyMs?: number, seed = 1): SimSpec {
  const params = latencyMs === undefined ? undefined : { latency: { kind: 'fixed' as const, ms: latencyMs } };
  return { seed, nodes, links: pairs.map(([a, b]) => ({ id: `${a}-${b}`, source: a, target: b, ...(params ? { params } : {}) })) };
}
