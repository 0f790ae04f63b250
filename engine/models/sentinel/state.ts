// A Sentinel's state, plain data: its view of the monitored primary, of the replicas it
// discovered and of the other sentinels, the epochs and its vote, and the failover in progress.
// Field names follow sentinelRedisInstance / instanceLink in redis/src/sentinel.c.

/** The failover state machine (SENTINEL_FAILOVER_STATE_*). */
export type FailoverState = 'none' | 'wait-start' | 'select-slave' | 'send-slaveof-noone' | 'wait-promotion' | 'reconf-slaves' | 'update-config';

/** What a replica's reconfiguration has reached during a failover (SRI_RECONF_SENT / INPROG / DONE). */
export type Reconf = 'none' | 'sent' | 'inprog' | 'done';

/** One instance this sentinel watches: the primary, a replica, or another sentinel. */
export interface Instance {
  id: string;
  kind: 'master' | 'slave' | 'sentinel';
  /** The connection broke (refused, reset): only a reconnection (with its PING) a second goes out. */
  disconnected: boolean;
  /** Last reconnection attempt (last_reconn_time); null before any. */
  lastReconn: number | null;
  /** Time of the oldest PING still unanswered, or null (act_ping_time). */
  actPing: number | null;
  lastPing: number | null;
  /** Last reply of any kind on the link (last_pong_time). */
  lastPong: number;
  /** Last valid PING reply: PONG, LOADING or MASTERDOWN (last_avail_time). */
  lastAvail: number;
  sdown: boolean;
  /** When it last entered SDOWN (s_down_since_time: kept after it comes back). */
  sdownSince: number | null;
  /** Last INFO reply, or null before the first (info_refresh). */
  infoRefresh: number | null;
  roleReported: 'master' | 'slave' | null;
  roleReportedTime: number;
  /** When a replica last reported a different primary (slave_conf_change_time). */
  confChangeTime: number;
  /** A replica's primary and link, offset and priority, from its INFO. */
  slaveMaster: string | null;
  linkUp: boolean;
  /** A replica reported its link to its primary down (master_link_down_time != 0): INFO every second. */
  linkDown: boolean;
  offset: number;
  priority: number;
  /** Failover bookkeeping for replicas. */
  promoted: boolean;
  reconf: Reconf;
  reconfSentAt: number;
  /** A peer sentinel's last answer to is-master-down-by-addr (SRI_MASTER_DOWN, leader, leader_epoch). */
  masterDown: boolean;
  lastMasterDownReply: number | null;
  leader: string | null;
  leaderEpoch: number;
}

/** A request this sentinel is waiting on (its reply is matched by id). */
export interface SentinelRequest {
  id: number;
  to: string;
  what: 'ping' | 'info' | 'ask' | 'slaveof' | 'hello' | 'kill';
}

export interface SentinelState {
  name: string;
  quorum: number;
  downAfterMs: number;
  failoverTimeoutMs: number;
  parallelSyncs: number;
  /** Other sentinels as configured (empty = the linked ones, resolved at start). */
  configuredPeers: string[] | null;
  /** The primary as this sentinel knows it now (what get-master-addr-by-name answers, outside a failover). */
  master: Instance;
  slaves: Instance[];
  sentinels: Instance[];
  odown: boolean;
  odownSince: number | null;
  currentEpoch: number;
  /** The epoch of the configuration it holds for the master (config_epoch). */
  configEpoch: number;
  /** Its vote: the leader it voted for, and in which epoch (master->leader, leader_epoch). */
  leader: string | null;
  leaderEpoch: number;
  failover: FailoverState;
  failoverEpoch: number;
  /**
   * failover_start_time: also pushed forward when it votes for another, to hold off its own try
   * for twice failover-timeout; null = never (a failover may start at once).
   */
  failoverStartTime: number | null;
  failoverStateChange: number;
  promoted: string | null;
  /** TILT mode since (a clock jump or a long pause), or null. */
  tiltSince: number | null;
  /** Time of the previous timer run, for the TILT check. */
  previousTime: number;
  /** Last hello sent to the other sentinels. */
  lastHello: number;
  pending: SentinelRequest[];
  nextId: number;
  /** Crashes so far (the configuration it flushed to disk survives them). */
  restarts: number;
}
