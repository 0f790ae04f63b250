import { currentMasterAddress } from './model';
import type { FailoverState, SentinelState } from './state';

// Kept apart from the model's behaviour, as every kind's view: the UI reads only this.

/** What the canvas shows of a Sentinel. */
export interface SentinelView {
  masterName: string;
  /** The node it names as the primary (get-master-addr-by-name's answer now). */
  primary: string;
  /** The primary it monitors now (the old one until its failover ends or a newer configuration arrives). */
  monitored: string;
  /** Its view of the monitored primary: answering, subjectively down, or objectively down. */
  masterState: 'ok' | 'sdown' | 'odown';
  quorum: number;
  /** Sentinels in the vote, itself included. */
  sentinels: number;
  currentEpoch: number;
  configEpoch: number;
  /** Its vote: the leader it chose and in which epoch (null before any). */
  votedFor: string | null;
  voteEpoch: number;
  failover: FailoverState;
  /** The replica being promoted during a failover. */
  promoting: string | null;
  /** Replicas it knows, with whether it thinks each is down. */
  replicas: readonly { id: string; down: boolean }[];
  tilt: boolean;
}

/** A plain summary of a sentinel's state, for its card. */
export function sentinelView(s: SentinelState): SentinelView {
  return {
    masterName: s.name,
    primary: currentMasterAddress(s),
    monitored: s.master.id,
    masterState: s.odown ? 'odown' : s.master.sdown ? 'sdown' : 'ok',
    quorum: s.quorum,
    sentinels: s.sentinels.length + 1,
    currentEpoch: s.currentEpoch,
    configEpoch: s.configEpoch,
    votedFor: s.leader,
    voteEpoch: s.leaderEpoch,
    failover: s.failover,
    promoting: s.promoted,
    replicas: s.slaves.map((x) => ({ id: x.id, down: x.sdown })),
    tilt: s.tiltSince !== null,
  };
}
