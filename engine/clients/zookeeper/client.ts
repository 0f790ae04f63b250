import { isConnectionClosed, type ConnectionClosed } from '../../core/connection';
import { closePhrase } from '../../core/narrate';
import type { Say } from '../../core/phrase';
import { t } from '../say';
import type { Msg } from '../../core/msg';
import type { Ctx } from '../../core/types';
import { beginConnect, connected, evaluate, expire, finish, lose, SET_WATCHES_XID } from './connection';
import { closedReason, PING_XID, type ZkMsg } from './messages';
import { MAX_PACKET, replyBytes } from './packet';
import { pathProblem } from './paths';
import { isZkClientTimer, zkClientInit, type ZkClientState, type ZkPending, type ZkStep } from './state';
import { Step } from './step';
import { MAX_TTL, type ZkErrorCode, type ZkOp } from './types';
import { holdsWatch, materialize, register, unregister } from './watches';

/**
 * A ZooKeeper client library that programs embed (a lock client, a coordinator…), modelled on
 * the official Java client of 3.8 and, optionally, Curator's connection handling on top:
 *
 * - connect, then ping after readTimeout/2 of send silence, readTimeout = 2/3 of the negotiated
 *   session timeout (the Java client's exact rule: `readTimeout/2 − idleSend − (idleSend > 1000 ?
 *   1000 : 0) ≤ 0`, checked whenever it wakes, so with no traffic a ping goes out every
 *   readTimeout/2);
 * - nothing heard for readTimeout: the connection is given up, pending requests fail with
 *   ConnectionLoss, Disconnected is raised, and after a random 0–999 ms it reconnects to the same
 *   session (an attempt lasts connectTimeout = the session timeout, one server), then sends its
 *   watches (SetWatches) so changes missed meanwhile fire at once, then what was queued;
 * - the client learns Expired only when a reconnect reaches the server;
 * - with `curator: true`: CONNECTED / SUSPENDED / RECONNECTED / LOST, where LOST comes either
 *   from Expired or after SUSPENDED has lasted a whole session timeout (Curator 3+ then injects
 *   the expiry itself), and a new session is opened at once.
 *
 * All state is plain data; every function returns the next state and what the host should act
 * on (replies, watch events, state changes) instead of calling back.
 *
 * The state and outputs are in ./state.ts, the connection in ./connection.ts, the watch
 * registry in ./watches.ts, the Curator layer in ./curator.ts, the narration in ./narration.ts.
 */

/** Starts the first connection (no backoff before it). */
export function zkClientStart(s: ZkClientState, ctx: Ctx): ZkStep {
  const st = new Step(zkClientInit({ server: s.hosts.join(','), sessionTimeoutMs: s.requestedMs, curator: s.curatorMode }), ctx);
  // A new process (or handle) connects from a new ephemeral port: its connections must not be
  // taken for those of an earlier life, which the server may still hold (with their session).
  st.s.conn = Math.floor(ctx.random() * 1_000_000) * 1000;
  beginConnect(st);
  return finish(st);
}

/** An error the client raises itself, before asking the server (PathUtils, the TTL range). */
function localError(op: ZkOp): { err: ZkErrorCode; detail?: string } | null {
  // A multi checks each of its operations (Op.validate) before anything is sent.
  for (const o of op.op === 'multi' ? op.ops : [op]) {
    if (!('path' in o)) continue;
    const problem = pathProblem(o.op === 'create' && o.sequential ? `${o.path}1` : o.path);
    if (problem !== null) return { err: 'IllegalArgument', detail: problem };
  }
  // EphemeralType.validateTTL, after the path.
  if (op.op === 'create' && op.kind === 'ttl' && !(typeof op.ttl === 'number' && op.ttl > 0 && op.ttl <= MAX_TTL)) {
    return { err: 'IllegalArgument', detail: `ttl must be positive and cannot be larger than: ${MAX_TTL}` };
  }
  return null;
}

/**
 * Submits a request. Sent at once when connected, queued while (re)connecting; answered at once
 * with an error when the path is invalid, when there is no such watch to remove, or when the
 * session is over. The reply comes back as a `reply` output carrying `tag`.
 */
export function zkSubmit(s0: ZkClientState, op: ZkOp, tag: unknown, ctx: Ctx): ZkStep & { xid: number } {
  const st = new Step(s0, ctx);
  const s = st.s;
  const xid = s.nextXid;
  s.nextXid += 1;
  const p: ZkPending = { xid, op, tag, sentAt: st.now };
  const immediate = (err: ZkErrorCode, detail?: string) => st.out.push({ kind: 'reply', xid, tag, op, result: detail === undefined ? { ok: false, err } : { ok: false, err, detail }, zxid: -1 });
  const local = localError(op);
  if (local) immediate(local.err, local.detail);
  else if (op.op === 'removeWatches' && !holdsWatch(s, op.path, op.type)) immediate('NoWatcher');
  else if (s.phase === 'expired' || s.phase === 'closed' || s.phase === 'closing' || s.phase === 'idle') immediate('SessionExpired');
  else if (s.phase === 'connected') {
    s.pending = [...s.pending, p];
    st.request(p);
  } else s.queued = [...s.queued, p];
  evaluate(st);
  return { ...finish(st), xid };
}

/**
 * The transport says the connection to the server ended (the server's process died or refused
 * the connection, or TCP gave up): the Java client's send thread gets an IOException and
 * handles it as any lost connection.
 */
function connectionEnded(s0: ZkClientState, msg: ConnectionClosed, ctx: Ctx): ZkStep {
  const st = new Step(s0, ctx);
  const s = st.s;
  if (s.phase === 'connected' || s.phase === 'connecting' || s.phase === 'closing') lose(st, closePhrase(msg.reason, s.server), true);
  return finish(st);
}

/** Closes the session (closeSession): the server deletes its ephemerals at once. */
export function zkClientClose(s0: ZkClientState, ctx: Ctx): ZkStep {
  const st = new Step(s0, ctx);
  const s = st.s;
  if (s.phase === 'connected') {
    const xid = s.nextXid;
    s.nextXid += 1;
    const p: ZkPending = { xid, op: { op: 'closeSession' }, tag: null, sentAt: st.now };
    s.pending = [...s.pending, p];
    st.request(p);
    s.phase = 'closing';
  } else if (s.phase !== 'closed' && s.phase !== 'expired') {
    st.failAll('ConnectionLoss');
    s.phase = 'closed';
    st.keeper('Closed', t('zkClosedByApp'));
  }
  // Closing a handle that is already closed or expired does nothing (the Java client returns at once, raising no event).
  return finish(st);
}

/**
 * Handles a message for this client. Returns null when it is not a ZooKeeper message from its
 * server, so the host can handle it itself.
 */
export function zkClientOnMessage(s0: ZkClientState, msg: Msg, from: string, ctx: Ctx): ZkStep | null {
  if (from !== s0.server) return null;
  if (isConnectionClosed(msg)) return connectionEnded(s0, msg, ctx);
  if (!msg.type.startsWith('zk.')) return null;
  const m = msg as ZkMsg;
  const st = new Step(s0, ctx);
  const s = st.s;
  if (!('conn' in m) || m.conn !== s.conn || (s.phase !== 'connected' && s.phase !== 'connecting' && s.phase !== 'closing')) {
    return finish(st); // a closed connection's leftovers
  }
  s.lastRecv = st.now;
  switch (m.type) {
    case 'zk.connected': {
      if (s.phase !== 'connecting') break;
      if (m.timeoutMs <= 0) {
        expire(st, t('zkServerExpired'));
        break;
      }
      connected(st, m.sessionId, m.timeoutMs);
      break;
    }
    case 'zk.reply': {
      if (m.xid === PING_XID || m.xid === SET_WATCHES_XID) break;
      const i = s.pending.findIndex((p) => p.xid === m.xid);
      if (i < 0) break;
      const p = s.pending[i];
      const bytes = m.result.ok ? replyBytes(p.op, m.result.data) : 0;
      if (bytes > MAX_PACKET) {
        // The length is read before the packet: too long, and the client drops the connection.
        lose(st, t('zkPacketLen', { bytes, max: MAX_PACKET }));
        break;
      }
      s.pending = s.pending.filter((_, j) => j !== i);
      if (m.zxid > 0) s.lastZxid = m.zxid;
      register(s, p.op, m.result);
      if (p.op.op === 'removeWatches' && m.result.ok) unregister(st, p.op.path, p.op.type);
      st.out.push({ kind: 'reply', xid: p.xid, tag: p.tag, op: p.op, result: m.result, zxid: m.zxid });
      if (p.op.op === 'closeSession') {
        s.phase = 'closed';
        s.conn += 1;
        st.keeper('Closed', t('zkSessionClosed'));
      }
      break;
    }
    case 'zk.watch': {
      if (materialize(s, m.event)) {
        st.out.push({ kind: 'event', event: m.event });
        ctx.trace('zk.client.event', { session: s.sessionId, event: m.event.type, path: m.event.path, zxid: m.zxid });
      }
      break;
    }
    case 'zk.closed':
      lose(st, t('zkServerClosed', { reason: closedReason(m.reason) }));
      break;
    default:
      break;
  }
  evaluate(st);
  return finish(st);
}

/** Handles the library's own timer; null when the payload is not one of its timers. */
export function zkClientOnTimer(s0: ZkClientState, payload: unknown, ctx: Ctx): ZkStep | null {
  if (!isZkClientTimer(payload)) return null;
  const st = new Step({ ...s0, timer: null }, ctx);
  evaluate(st);
  return finish(st);
}

/**
 * The connection broke under the client (a reset socket, a proxy that dropped it): handled as a
 * failed read, so Disconnected now and a reconnect after the usual backoff.
 */
export function zkClientConnectionLost(s0: ZkClientState, ctx: Ctx, reason: Say): ZkStep {
  const st = new Step(s0, ctx);
  if (st.s.phase === 'connected' || st.s.phase === 'connecting' || st.s.phase === 'closing') lose(st, reason);
  return finish(st);
}

/**
 * The host's clock was stepped or its drift changed: re-aim the library's timer. Hosts call this
 * from their model's onClockChange.
 */
export function zkClientOnClockChange(s0: ZkClientState, ctx: Ctx): ZkStep {
  if (s0.timer) ctx.cancelTimer(s0.timer.id);
  const st = new Step({ ...s0, timer: null }, ctx);
  evaluate(st);
  return finish(st);
}
