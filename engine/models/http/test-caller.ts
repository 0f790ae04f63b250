import type { SimSpec } from '../../core/simulation';
import type { ModelDef, Msg } from '../../core/types';
import type { HttpOp, HttpReq, HttpRes, Jwt } from './messages';

/** A request a test caller sends at true time `at` (its clock is unskewed). */
export interface CallStep {
  at: number;
  op: HttpOp;
  user?: string;
  /** Send the credential (cookie, access token, or for `refresh` the refresh token) and sticky cookie from the answer to step `use`. */
  use?: number;
  /** Changes made to that token before sending (a forged claim). */
  tamper?: Partial<Jwt>;
  to?: string;
}

export interface TestCallerParams {
  target: string;
  steps: CallStep[];
}

export interface TestCallerState {
  p: TestCallerParams;
  /** Answers by step index, with the local time they arrived. */
  answers: Record<number, { at: number; res: HttpRes }>;
}

function request(s: TestCallerState, i: number): HttpReq {
  const st = s.p.steps[i];
  const prev = st.use === undefined ? undefined : s.answers[st.use]?.res;
  const base = st.op === 'refresh' ? prev?.refresh : prev?.token;
  const token = base && st.tamper ? { ...base, ...st.tamper } : base;
  return {
    type: 'http.req',
    id: i,
    op: st.op,
    ...(st.user !== undefined ? { user: st.user } : {}),
    ...(prev?.cookie !== undefined ? { cookie: prev.cookie } : {}),
    ...(token !== undefined ? { token } : {}),
    ...(st.op === 'logout' && prev?.refresh !== undefined ? { refresh: prev.refresh } : {}),
    ...(prev?.affinity !== undefined ? { affinity: prev.affinity } : {}),
  };
}

/**
 * A caller for app and load-balancer model tests: fires its requests at fixed times (not
 * waiting for answers), reusing credentials from earlier answers, and records what comes back.
 */
export const testCaller: ModelDef<TestCallerParams, TestCallerState> = {
  type: 'tcaller',
  init: (p) => ({ p, answers: {} }),
  start(s, ctx) {
    s.p.steps.forEach((st, i) => ctx.setTimer(st.at - ctx.now, i));
    return s;
  },
  onTimer(s, payload, ctx) {
    const i = payload as number;
    ctx.send(s.p.steps[i].to ?? s.p.target, request(s, i));
    return s;
  },
  onMessage(s, msg: Msg, _from, ctx) {
    if (msg.type !== 'http.res') return s;
    const r = msg as HttpRes;
    return { ...s, answers: { ...s.answers, [r.id]: { at: ctx.now, res: r } } };
  },
};

/** Links every pair given with a fixed latency (5 ms unless said). */
export function httpSpec(nodes: SimSpec['nodes'], pairs: [string, string][], latencyMs = 5, seed = 1): SimSpec {
  return {
    seed,
    nodes,
    links: pairs.map(([a, b]) => ({ id: `${a}-${b}`, source: a, target: b, params: { latency: { kind: 'fixed', ms: latencyMs } } })),
  };
}
