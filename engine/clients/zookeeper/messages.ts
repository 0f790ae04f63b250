import type { Say } from '../../core/phrase';
import { t } from '../say';
import type { ZkOp, ZkResult, ZkStat, ZkWatchEvent } from './types';

/**
 * Wire messages between ZooKeeper clients and servers. There are no sockets in the simulation,
 * so a "connection" is a number the client picks for each attempt: every message carries it,
 * and either end ignores messages of a connection it has given up on (as a closed socket's
 * leftovers are never read).
 */

/** Client -> server: open a new session (sessionId null) or resume one. */
export interface ZkConnectMsg {
  readonly type: 'zk.connect';
  readonly conn: number;
  readonly sessionId: string | null;
  readonly timeoutMs: number;
  /** Last zxid the client has seen: a server that is behind it refuses the connection. */
  readonly lastZxid: number;
}

/** Server -> client: the session and its negotiated timeout; timeout 0 means it has expired. */
export interface ZkConnectedMsg {
  readonly type: 'zk.connected';
  readonly conn: number;
  readonly sessionId: string;
  readonly timeoutMs: number;
}

/** Client -> server: one request. Pings use xid -2, as the real client does. */
export interface ZkRequestMsg {
  readonly type: 'zk.request';
  readonly conn: number;
  readonly sessionId: string;
  readonly xid: number;
  readonly op: ZkOp;
}

/** Server -> client: the answer to a request; `zxid` is the server's zxid in the reply header. */
export interface ZkReplyMsg {
  readonly type: 'zk.reply';
  readonly conn: number;
  readonly xid: number;
  readonly zxid: number;
  readonly result: ZkResult;
}

/** Server -> client: a watch fired. Sent before any later reply, on the same ordered link. */
export interface ZkWatchMsg {
  readonly type: 'zk.watch';
  readonly conn: number;
  readonly event: ZkWatchEvent;
  readonly zxid: number;
}

/** Client -> server: the client closed this connection (a socket FIN); the session lives on. */
export interface ZkFinMsg {
  readonly type: 'zk.fin';
  readonly conn: number;
  readonly sessionId: string;
}

/** Server -> client: the server closed this connection (session expired, unknown, or refused). */
export interface ZkClosedMsg {
  readonly type: 'zk.closed';
  readonly conn: number;
  readonly reason: string;
}

export type ZkMsg = ZkConnectMsg | ZkConnectedMsg | ZkRequestMsg | ZkReplyMsg | ZkWatchMsg | ZkFinMsg | ZkClosedMsg;

export const PING_XID = -2;

/** A zxid as ZooKeeper prints it: 0x followed by hex. */
export function formatZxid(zxid: number): string {
  return `0x${zxid.toString(16)}`;
}

/** One line for an operation, in zkCli style ("create -e /lock/n- x"). */
export function formatOp(op: ZkOp): string {
  switch (op.op) {
    case 'create': {
      const flags = [
        op.kind === 'ephemeral' ? 'e' : '',
        op.sequential ? 's' : '',
        op.kind === 'container' ? 'c' : '',
        op.kind === 'ttl' ? 't' : '',
      ].join('');
      return `create ${flags ? `-${flags} ` : ''}${op.kind === 'ttl' ? `${op.ttl} ` : ''}${op.path}${op.data ? ` ${op.data}` : ''}`;
    }
    case 'delete':
      return `delete ${op.path}${op.version !== -1 ? ` v${op.version}` : ''}`;
    case 'setData':
      return `set ${op.path} ${op.data}${op.version !== -1 ? ` v${op.version}` : ''}`;
    case 'getData':
      return `get${op.watch ? ' -w' : ''} ${op.path}`;
    case 'exists':
      return `exists${op.watch ? ' -w' : ''} ${op.path}`;
    case 'getChildren':
      return `ls${op.watch ? ' -w' : ''} ${op.path}`;
    case 'addWatch':
      return `addWatch ${op.mode === 'recursive' ? '-m PERSISTENT_RECURSIVE ' : ''}${op.path}`;
    case 'removeWatches':
      return `removewatches ${op.path} ${op.type}`;
    case 'sync':
      return `sync ${op.path}`;
    case 'multi':
      return `multi ${op.ops.map((o) => (o.op === 'check' ? `check ${o.path} v${o.version}` : formatOp(o))).join(' ; ')}`;
    case 'ping':
      return 'ping';
    case 'closeSession':
      return 'close session';
    case 'setWatches': {
      const n = op.data.length + op.exist.length + op.child.length + op.persistent.length + op.recursive.length;
      return `restore ${n} watch${n === 1 ? '' : 'es'} since ${formatZxid(op.relativeZxid)}`;
    }
  }
}

/** A short stat ("v2 cv1 czxid 0x5"). */
export function formatStat(st: ZkStat): string {
  const eph = st.ephemeralOwner !== '0x0' ? ` owner ${st.ephemeralOwner}` : '';
  return `v${st.version} cv${st.cversion} czxid ${formatZxid(st.czxid)}${eph}`;
}

/** One line for a result ("ok /lock/n-0000000003", "NodeExists"). */
export function formatResult(r: ZkResult): string {
  if (!r.ok) return r.err;
  if (r.children !== undefined) return `[${r.children.join(', ')}]`;
  if (r.data !== undefined) return `"${r.data}"${r.stat ? ` (${formatStat(r.stat)})` : ''}`;
  if (r.path !== undefined && r.stat !== undefined && r.stat !== null) return `ok ${r.path} (${formatStat(r.stat)})`;
  if (r.path !== undefined) return `ok ${r.path}`;
  if (r.stat === null) return 'no node';
  if (r.stat) return `ok (${formatStat(r.stat)})`;
  return 'ok';
}

/** An operation for a person: zkCli's words are commands, kept as they are; the rest is worded. */
export function opSay(op: ZkOp): Say {
  if (op.op === 'closeSession') return t('zkOpClose');
  if (op.op === 'setWatches') return t('zkOpRestore', { n: op.data.length + op.exist.length + op.child.length + op.persistent.length + op.recursive.length, since: formatZxid(op.relativeZxid) });
  return formatOp(op);
}

/** A result for a person: as formatResult, with "no node" worded. */
export function resultSay(r: ZkResult): Say {
  return r.ok && r.children === undefined && r.data === undefined && r.path === undefined && r.stat === null ? t('zkNoNode') : formatResult(r);
}

/** One phrase for any ZooKeeper message, for narration and the canvas. */
export function describeZkMessage(msg: { type: string }): Say | undefined {
  const m = msg as ZkMsg;
  switch (m.type) {
    case 'zk.connect':
      return m.sessionId === null ? t('zkMsgConnectNew', { ms: m.timeoutMs }) : t('zkMsgReconnect', { session: m.sessionId });
    case 'zk.connected':
      return m.timeoutMs > 0 ? t('zkMsgSession', { session: m.sessionId, ms: m.timeoutMs }) : t('zkMsgSessionExpired', { session: m.sessionId });
    case 'zk.request':
      return opSay(m.op);
    case 'zk.reply':
      return m.xid === PING_XID ? 'pong' : resultSay(m.result);
    case 'zk.watch':
      return t('zkMsgWatch', { type: m.event.type, path: m.event.path });
    case 'zk.fin':
      return t('zkMsgFin');
    case 'zk.closed':
      return t('zkMsgClosed', { reason: closedReason(m.reason) });
    default:
      return undefined;
  }
}

/** The words for a server's reason for closing a connection (`zk.closed`; plain text on the wire). */
export function closedReason(reason: string): Say {
  if (reason === 'session expired') return t('zkWhySessionExpired');
  if (reason === 'stale connection') return t('zkWhyStale');
  if (reason === 'this server is not serving: it has no leader with a quorum') return t('zkWhyNotServing');
  const behind = /^server is behind \(client saw (.*)\)$/.exec(reason);
  return behind ? t('zkWhyBehind', { zxid: behind[1] }) : reason;
}
