import type { Msg } from './msg';

/**
 * How a TCP connection ended, as the end that learns it sees it:
 * - `reset`: the peer's process died (its host reset the connection), or a segment reached a
 *   peer that had already closed that connection;
 * - `refused`: nothing listens at the peer any more (its process is down, its host up);
 * - `eof`: the peer closed the connection;
 * - `timeout`: this end retransmitted `tcp_retries2` times without an answer and gave up.
 */
export type CloseReason = 'reset' | 'refused' | 'eof' | 'timeout';

/**
 * What a model receives when its connection to the sender ended (the sender of this message is
 * the peer). Sent by the transport, never by a model; a model that keeps per-connection state
 * (pending requests, a session's socket) reacts to it, others ignore it.
 */
export interface ConnectionClosed extends Msg {
  readonly type: 'net.closed';
  readonly reason: CloseReason;
  /** The connection number the ends move to. */
  readonly conn: number;
}

/** Whether `msg` is the transport telling a model its connection to the sender ended. */
export function isConnectionClosed(msg: Msg): msg is ConnectionClosed {
  return msg.type === 'net.closed';
}

/** A phrase for why a connection ended, for narration and errors. */
export function describeClose(reason: CloseReason, peer: string): string {
  switch (reason) {
    case 'reset':
      return `connection reset by ${peer}`;
    case 'refused':
      return `connection refused: nothing listens at ${peer}`;
    case 'eof':
      return `${peer} closed the connection`;
    case 'timeout':
      return `no answer from ${peer} after every retransmission: TCP gave up`;
  }
}
