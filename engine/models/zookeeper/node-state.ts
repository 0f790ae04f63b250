import type { QuorumState } from './quorum/types';
import type { ZkServerState } from './zk/state';

/** A timer this node has armed: when it is due on the local clock, and its id to cancel it. */
export interface Armed {
  at: number;
  id: number;
}

/** A ZooKeeper node's state: the server core, its timers, and its ensemble state when it has one. */
export interface ZookeeperState {
  core: ZkServerState;
  containerCheckIntervalMs: number;
  /** Local time the server (re)started: container checks run at fixed intervals from it. */
  startedAt: number;
  expiryTimer: Armed | null;
  containerTimer: Armed | null;
  /** How this server behaves in an ensemble (from its parameters). */
  ens: EnsembleConfig;
  /** Its ensemble state, once it found other servers linked to it at start; null when it runs alone. */
  q: QuorumState | null;
}

/** The ensemble parameters: initLimit and syncLimit in ticks, and the disk. */
export interface EnsembleConfig {
  initLimit: number;
  syncLimit: number;
  fsyncMs: number;
  fsyncJitterMs: number;
}
