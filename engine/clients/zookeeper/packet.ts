import type { ZkOp } from './types';

/**
 * jute.maxbuffer's default (0xfffff): the server reads a request's 4-byte length first and
 * closes the connection when it is larger (NIOServerCnxn "Len error"), so the client sees
 * ConnectionLoss and reconnects; the session lives on.
 */
export const MAX_PACKET = 0xfffff;

// One encoder for every request and reply measured, not one per call.
const encoder = new TextEncoder();
const utf8 = (s: string) => encoder.encode(s).length;
/** A jute string or buffer: a 4-byte length, then the bytes. */
const field = (s: string) => 4 + utf8(s);
/** The OPEN_ACL_UNSAFE list: a count, then one ACL (perms, "world", "anyone"). */
const OPEN_ACL = 4 + 4 + field('world') + field('anyone');
/** The request header: xid and type. */
const HEADER = 8;

/**
 * The length a request's packet announces, for the requests that carry data (the others are far
 * below the limit). Checked against a real 3.8 server at the boundary (conformance 33).
 */
export function requestBytes(op: ZkOp): number {
  switch (op.op) {
    case 'setData':
      return HEADER + field(op.path) + field(op.data) + 4;
    case 'create':
      return HEADER + field(op.path) + field(op.data) + OPEN_ACL + 4 + (op.kind === 'ttl' ? 8 : 0);
    default:
      return 0;
  }
}

/** A stat on the wire: six longs and five ints. */
const STAT = 6 * 8 + 5 * 4;
/** The reply header: xid, zxid, err. */
const REPLY_HEADER = 4 + 8 + 4;

/**
 * The length of a getData reply's packet: the client checks it against the same limit
 * (ZKClientConfig's packet length, 0xfffff by default) and drops the connection when it is
 * larger ("Packet len … is out of range"), so a znode written just under the server's limit can
 * never be read back. Other replies stay far below it.
 */
export function replyBytes(op: ZkOp, data: string | undefined): number {
  return op.op === 'getData' && data !== undefined ? REPLY_HEADER + field(data) + STAT : 0;
}
