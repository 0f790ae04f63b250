import type { RawResult } from '../normalise';
import type { ZkStep } from '../script';
import type { ServerName } from './script';

/** A server's mode as `srvr` tells it (or the model's state says it): serving as leader or follower, up but serving nobody, or down. */
export type Mode = 'leader' | 'follower' | 'not-serving' | 'down';

/** What a session's `where` and `await connected` report: the server (null when not connected) and the session id. */
export interface Whereabouts {
  server: ServerName | null;
  session: string;
}

/**
 * One side of an ensemble conformance run: the real servers with the Java client, or the
 * model's ensemble with the client library, driven through the same steps. Times are real ms
 * on one side and virtual ms on the other.
 */
export interface EnsembleSide {
  /** The side's clock (ms): real time, or the simulation's virtual time. */
  now(): number;
  /** Starts the servers in this order, each once the one before it is up. */
  start(servers: ServerName[]): Promise<void>;
  /** Kills a server's process (the model: crashes the node). */
  kill(server: ServerName): Promise<void>;
  /** Every server's mode now. */
  modes(): Promise<Record<ServerName, Mode>>;
  /** Waits until `ok(modes)` or `ms` passed; returns the modes then. */
  awaitModes(ok: (m: Record<ServerName, Mode>) => boolean, ms: number): Promise<Record<ServerName, Mode>>;
  sleep(ms: number): Promise<void>;
  /** Opens a session on the ensemble with this connect string order. */
  connect(line: number, session: string, timeoutMs: number, hosts: ServerName[]): Promise<RawResult>;
  where(line: number, session: string): Promise<Whereabouts>;
  /** Waits until the session is connected (or `ms` passed); where it is then. */
  awaitConnected(line: number, session: string, ms: number): Promise<Whereabouts>;
  /** `exists path` every 100 ms until it answers null or `ms` passed; the last answer. */
  awaitGone(line: number, session: string, path: string, ms: number): Promise<RawResult>;
  /** A single-server-format session command (create, get, sync, events…). */
  command(step: ZkStep): Promise<RawResult>;
  /** Stops everything the side started. */
  stop(): Promise<void>;
}

/** One leader and every server that is up serving. */
export const hasLeader = (m: Record<string, Mode>): boolean => {
  const v = Object.values(m);
  return v.filter((x) => x === 'leader').length === 1 && v.every((x) => x === 'leader' || x === 'follower' || x === 'down');
};

/** No server serves. */
export const noLeader = (m: Record<string, Mode>): boolean => Object.values(m).every((x) => x === 'not-serving' || x === 'down');
