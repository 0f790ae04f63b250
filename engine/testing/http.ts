import type { HttpOp, HttpReq, HttpRes, Jwt } from '../clients/http/messages';
import type { Harness } from './harness';
import { scriptedPeer, type PeerState, type Received, type StepBase } from './peer';

/** A request an HTTP test caller sends at true time `at`. */
export interface CallStep extends StepBase {
  op: HttpOp;
  user?: string;
  /** Send the credential (cookie, access token, or for `refresh` the refresh token) and sticky cookie from the answer to step `use`. */
  use?: number;
  /** Changes made to that token before sending (a forged claim). */
  tamper?: Partial<Jwt>;
}

const answer = (got: readonly Received[], id: number) => got.find((g) => g.msg.type === 'http.res' && (g.msg as HttpRes).id === id)?.msg as HttpRes | undefined;

function request(st: CallStep, i: number, got: readonly Received[]): HttpReq {
  const prev = st.use === undefined ? undefined : answer(got, st.use);
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
 * A caller for app and load-balancer tests (node type `tcaller`): fires its requests at fixed
 * times, not waiting for answers, reusing credentials from earlier answers.
 */
export const httpCaller = scriptedPeer<CallStep>('tcaller', request);

/** The answers caller `id` received, in step order (a step not answered yet is left out). */
export function answersOf(h: Harness, id: string): HttpRes[] {
  return (h.sim.node(id).state as PeerState<CallStep>).got
    .filter((g) => g.msg.type === 'http.res')
    .map((g) => g.msg as HttpRes)
    .sort((a, b) => a.id - b.id);
}
