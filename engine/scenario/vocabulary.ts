/**
 * One vocabulary (#20 §11): the human name and a one-line explanation of every parameter and
 * metric the built-ins use, so the About text, the inspector and the metrics tab say the same
 * thing and each can explain it on hover. Plain data: a translation adds a table of its own.
 */

/** A term's name as people read it, and what it means. */
export interface Term {
  name: string;
  explain: string;
}

/** Parameters (of nodes, links and programs) by key. */
export const PARAMS: Readonly<Record<string, Term>> = {
  amount: { name: 'amount', explain: 'How much the payment is for.' },
  appendonly: { name: 'append-only file', explain: 'Redis writes every command to a file it reloads after a restart, so its keys and counters survive (all of them with appendfsync always, the default here); without it a crash loses them all.' },
  appendfsync: { name: 'appendfsync', explain: 'When the append-only file reaches the disk: always (before every reply), everysec (once a second: a crash loses the writes since the last fsync), or no (the OS writes it back after about 30 s).' },
  atMs: { name: 'acts at', explain: 'When the operator runs XA RECOVER and resolves the branch by hand (ms).' },
  auth: { name: 'session store', explain: 'Where the app keeps sessions: in its own memory, in Redis, or in a signed token (JWT).' },
  backoffMs: { name: 'retry backoff', explain: 'How long the client waits before sending a failed or timed-out request again (ms).' },
  broker: { name: 'broker', explain: 'The message broker the relay publishes to.' },
  changes: { name: 'changes', explain: 'The values the admin writes, and when.' },
  chargeMs: { name: 'charge time', explain: 'How long the payment service takes to charge a card (ms).' },
  commands: { name: 'commands', explain: 'The Redis commands the client sends, one per line.' },
  dedupe: { name: 'duplicate check', explain: 'How the payment service recognises a retried request: not at all, with a key in Redis, or with a znode in ZooKeeper.' },
  denylist: { name: 'denylist', explain: 'Revoked tokens are kept in Redis and refused until they would have expired anyway.' },
  fall: { name: 'failed checks to take out', explain: 'How many health checks in a row a backend may miss before the balancer stops sending it requests.' },
  fallback: { name: 'fallback server', explain: 'A second Redis node (a replica) the lock client turns to when its server stops answering.' },
  fencing: { name: 'fencing', explain: 'The storage refuses a write whose fencing token is older than one it has already seen.' },
  healthEveryMs: { name: 'health check interval', explain: 'How often the balancer asks each backend whether it is up (ms).' },
  herd: { name: 'herd', explain: 'Every waiter watches the lock’s parent, so each release wakes all of them (the herd effect), instead of only the next in line.' },
  holdMs: { name: 'work time', explain: 'How long the client works inside its critical section once it has the lock (ms).' },
  initial: { name: 'initial value', explain: 'The value the config starts with.' },
  intervalMs: { name: 'interval', explain: 'The pause between two commands of a script, two replays of a stolen token, or two transfers of a transaction manager (ms).' },
  decision: { name: 'hand decision', explain: 'What the operator does to the in-doubt branch without asking the coordinator: commit or roll back (a heuristic decision).' },
  db: { name: 'database', explain: 'The service’s own database: where it keeps its accounts, or its inbox table and its effect.' },
  deadlockDetect: { name: 'deadlock detection', explain: 'The database finds a cycle of lock waits at once and rolls one transaction back (ERROR 1213); off, the cycle ends only by lock wait timeout.' },
  item: { name: 'item', explain: 'The inventory row an order takes one of.' },
  key: { name: 'idempotency key', explain: 'A key sent with every attempt of the same payment, so the service can tell a retry from a new payment.' },
  kind: { name: 'program', explain: 'What the client runs.' },
  waitTimeoutMs: { name: 'idle connection timeout', explain: 'How long a connection may sit idle before the database closes it and rolls back its open transaction (MariaDB’s wait_timeout, 8 h by default): what frees the locks of a client that died while cut off (ms).' },
  lockWaitTimeoutMs: { name: 'lock wait timeout', explain: 'How long a statement waits for a row lock before it fails with ERROR 1205 (InnoDB’s innodb_lock_wait_timeout, 50 s by default) (ms).' },
  leaseMs: { name: 'fixed lease', explain: 'A lease without the watchdog: the lock expires this long after it was taken, whatever the holder is doing (ms).' },
  leakAtPage: { name: 'token stolen at page', explain: 'After how many pages the user’s token leaks to the attacker.' },
  leakTo: { name: 'token stolen by', explain: 'Who gets the leaked token.' },
  leewayMs: { name: 'clock leeway', explain: 'How far past its expiry a token is still accepted, for clocks that disagree (ms).' },
  lockKey: { name: 'lock key', explain: 'The Redis key that is the lock.' },
  lockPath: { name: 'lock path', explain: 'The znode under which clients queue for the lock.' },
  logout: { name: 'logs out at the end', explain: 'The user logs out after its last page (otherwise it just stops).' },
  markDelayMs: { name: 'mark delay', explain: 'Time between the broker’s SEND_OK and the UPDATE that marks the outbox row sent: a crash in this window publishes the row again (ms).' },
  maxAttempts: { name: 'attempts', explain: 'How many times the client sends a request before it gives up.' },
  maxInactiveMs: { name: 'session idle timeout', explain: 'How long a session lives without a request before it is dropped (ms).' },
  mode: { name: 'watch mode', explain: 'One-shot watches fire once and must be set again; persistent watches stay.' },
  ops: { name: 'commands', explain: 'The ZooKeeper commands the client runs, one per line.' },
  order: { name: 'order', explain: 'The order the payment is for.' },
  pageEveryMs: { name: 'page interval', explain: 'How often the user opens a page (ms).' },
  pages: { name: 'pages', explain: 'How many pages the user opens.' },
  path: { name: 'znode path', explain: 'The znode the config lives in.' },
  pendingTtlMs: { name: 'claim TTL', explain: 'How long a claimed idempotency key stays pending before another attempt may take it over (ms).' },
  pollMs: { name: 'poll interval', explain: 'How often the relay looks for outbox rows still marked new (ms).' },
  policy: { name: 'routing', explain: 'How the balancer picks a backend: sticky keeps each user on one, round-robin takes turns.' },
  sentinels: { name: 'sentinels', explain: 'For a lock client: the Redis Sentinels it asks for the current primary, in this order. For a sentinel: the others that vote with it (left out, the ones it is linked to).' },
  quorum: { name: 'quorum', explain: 'How many sentinels must agree the primary is down (ODOWN) before a failover may start; the leader that runs it still needs a majority of all sentinels.' },
  parallelSyncs: { name: 'parallel syncs', explain: 'How many replicas a sentinel points at the new primary at the same time after a failover (parallel-syncs, default 1).' },
  monitor: { name: 'monitors', explain: 'The Redis primary this sentinel watches at start (sentinel monitor mymaster <host> <port> <quorum>); after a failover it watches the promoted replica.' },
  masterName: { name: 'master name', explain: 'The name the sentinels monitor the primary under, which clients ask them for (SENTINEL get-master-addr-by-name mymaster).' },
  failoverTimeoutMs: { name: 'failover timeout', explain: 'Sentinel’s failover-timeout: how long an election, a promotion or repointing the replicas may take before the sentinel gives up, and twice that before it tries again (ms; real default 180 000).' },
  downAfterMs: { name: 'down after', explain: 'Sentinel’s down-after-milliseconds: how long the primary may go without a valid answer to PING before this sentinel thinks it is down (SDOWN); real default 30 000 ms.' },
  promoteOnPrimaryDownMs: { name: 'promote after primary down', explain: 'How long the replica waits without hearing from its primary before it promotes itself (ms).' },
  redisTimeoutMs: { name: 'Redis timeout', explain: 'How long the app waits for Redis before it gives up on a request (ms).' },
  reentry: { name: 're-entries', explain: 'How many times the holder takes the lock again inside its own section (re-entrancy).' },
  refreshTtlMs: { name: 'refresh token lifetime', explain: 'How long a refresh token can be used to get new access tokens (ms).' },
  replPingMs: { name: 'replication ping', explain: 'How often the primary pings its replicas (ms).' },
  replicaOf: { name: 'replica of', explain: 'The primary this Redis copies.' },
  replicationLagMs: { name: 'replication lag', explain: 'How long a write takes to reach the replica after the primary acknowledged it (ms).' },
  retryMs: { name: 'poll interval', explain: 'How long a client waits before asking for a taken lock again (ms): each try is one request.' },
  rise: { name: 'good checks to take back', explain: 'How many health checks in a row a backend must pass before the balancer uses it again.' },
  role: { name: 'role in the saga', explain: 'What the service does in the saga: the order service starts and closes it, payment debits and refunds, inventory reserves stock.' },
  rounds: { name: 'rounds', explain: 'How many times the client takes the lock, works and lets go.' },
  startMs: { name: 'first transfer at', explain: 'When the transaction manager starts its first transfer (ms).' },
  tables: { name: 'tables', explain: 'The database’s tables and the committed rows they start with.' },
  transfers: { name: 'transfers', explain: 'The transfers the transaction manager runs, one global transaction each: an amount from one account to another.' },
  twoPhase: { name: 'two-phase commit', explain: 'Prepare every branch, log the decision, then commit; off, each database commits its part on its own, one after the other.' },
  sessionTimeoutMs: { name: 'session timeout', explain: 'How long ZooKeeper waits without hearing from a client before it expires the session and deletes its ephemeral znodes (ms).' },
  rereadOnReconnect: { name: 're-read after a reconnect', explain: 'Read the config again after every reconnect, as Curator’s caches do: a restored persistent watch says nothing of changes made while the client was away.' },
  rereadWatch: { name: 're-read with a watch', explain: 'Persistent mode: re-read with getData(watch = true) anyway, which turns the persistent watch back into a one-shot one.' },
  startDelayMs: { name: 'start delay', explain: 'How long the client waits before its first attempt (ms).' },
  storage: { name: 'protected storage', explain: 'The resource the lock protects: the client enters and writes there.' },
  store: { name: 'key store', explain: 'The node that holds the idempotency keys.' },
  driftFactor: { name: 'drift factor', explain: 'Redlock’s allowance for clock drift: the validity loses round(TTL × factor) + 2 ms (node-redlock’s default 0.01).' },
  retryCount: { name: 'retries', explain: 'How many more attempts a Redlock client makes after the first fails before it gives up (node-redlock’s default 10).' },
  retryDelayMs: { name: 'retry delay', explain: 'The base wait before a Redlock client tries the masters again (node-redlock’s default 200 ms) (ms).' },
  retryJitterMs: { name: 'retry jitter', explain: 'The retry delay moves by a random amount up to this much either way, so clients that split the votes do not collide again (node-redlock’s code default 100 ms) (ms).' },
  masters: { name: 'Redis masters', explain: 'Redlock’s independent Redis masters (no replication between them): the lock is held while a majority of them hold its key.' },
  target: { name: 'server', explain: 'The node the client talks to; for ZooKeeper, a connect string of servers (z1,z2,z3), tried in that order.' },
  serverId: { name: 'server id (myid)', explain: 'This ZooKeeper server’s id: the top byte of the session ids it hands out, and the tie-break of a leader election.' },
  initLimit: { name: 'init limit', explain: 'Ticks a follower has to connect to a new leader and sync with it.' },
  syncLimit: { name: 'sync limit', explain: 'Ticks a follower may go unheard by its leader (and the leader by it) before it gives up and looks for a new one.' },
  fsyncMs: { name: 'fsync time', explain: 'How long writing a proposal to the transaction log and fsyncing it takes (ms); a server acknowledges a proposal only after it.' },
  fsyncJitterMs: { name: 'fsync jitter', explain: 'Extra fsync time, drawn from 0 to this many ms each time.' },
  thinkMs: { name: 'pause between rounds', explain: 'How long the client waits after releasing the lock before its next round (ms).' },
  xid: { name: 'branch (xid)', explain: 'The XA branch the operator resolves: the coordinator’s global transaction id.' },
  tickTime: { name: 'tick time', explain: 'ZooKeeper’s basic time unit: sessions are checked once per tick (ms).' },
  timeoutMs: { name: 'request timeout', explain: 'How long the client waits for an answer before it gives up on an attempt (ms).' },
  tokenTtlMs: { name: 'token lifetime', explain: 'How long an access token is accepted after it is issued (ms).' },
  tries: { name: 'replays', explain: 'How many times the attacker replays the stolen token before it stops.' },
  algorithm: { name: 'algorithm', explain: 'How the limiter decides: fixed window, sliding log or counter, leaky bucket, token bucket, or a real library (Guava, Spring Cloud Gateway, Sentinel).' },
  perKey: { name: 'limit per key', explain: 'Whether each client key gets its own limit (per user) or all requests share one.' },
  seed: { name: 'traffic seed', explain: 'Seeds the traffic source’s own random arrivals, so the same traffic comes every run.' },
  shape: { name: 'traffic shape', explain: 'How requests arrive: constant rate, Poisson, on/off bursts, a burst at a window boundary, a ramp, or a scripted list.' },
  stopMs: { name: 'stop sending at', explain: 'When the traffic source sends its last request (ms).' },
  spreadMs: { name: 'burst spread', explain: 'How wide the boundary burst is, split evenly on both sides of the window boundary (ms).' },
  maxQueueMs: { name: 'longest queueing', explain: 'How long a request may wait in the leaky bucket’s queue before it is refused (ms).' },
  onMs: { name: 'burst length', explain: 'How long each burst of traffic lasts (ms).' },
  offMs: { name: 'quiet between bursts', explain: 'How long the traffic source is quiet between bursts (ms).' },
  ttlMs: { name: 'lease (TTL)', explain: 'How long the lock key lives in Redis before it expires by itself, unless it is renewed (ms).' },
  unsafeDel: { name: 'plain DEL to unlock', explain: 'The client unlocks with a plain DEL instead of a compare-and-delete script, so it can delete someone else’s lock.' },
  user: { name: 'user', explain: 'Who the user logs in as.' },
  watchdogTimeoutMs: { name: 'watchdog lease', explain: 'The lease the watchdog keeps renewing, every third of it, while the holder lives (ms).' },
  // The message broker (RocketMQ) and its producers and consumers.
  queuesPerTopic: { name: 'queues per topic', explain: 'How many queues a topic gets when it is created; a key always goes to the same queue, which keeps its messages in order (RocketMQ: 4).' },
  transactionTimeOutMs: { name: 'check after (transactionTimeOut)', explain: 'A half message younger than this is not checked with its producer (ms; RocketMQ: 6 s).' },
  transactionCheckIntervalMs: { name: 'check interval (transactionCheckInterval)', explain: 'How often the broker scans half messages and checks the old ones with their producer (ms; RocketMQ 5.x: 30 s, 4.x: 60 s).' },
  transactionCheckMax: { name: 'checks before discard (transactionCheckMax)', explain: 'How many times a half message is checked before the broker discards it, never delivered (RocketMQ: 15).' },
  delayScale: { name: 'retry delay scale', explain: 'RocketMQ’s retry delay levels (10 s, 30 s, 1 min … 2 h) are multiplied by this; 1 is real time.' },
  maxReconsumeTimes: { name: 'retries before the DLQ (maxReconsumeTimes)', explain: 'How many times a failed message is retried before it goes to the group’s dead-letter queue (RocketMQ: 16).' },
  producerGroup: { name: 'producer group', explain: 'The group the producer belongs to; the broker checks half messages with any producer of the group.' },
  topic: { name: 'topic', explain: 'The topic messages are sent to and consumed from.' },
  orders: { name: 'orders', explain: 'How many orders the program handles: order-1, order-2 …' },
  localTxMs: { name: 'local transaction time', explain: 'How long the producer’s local transaction takes, after the half message is stored (ms).' },
  afterCommitMs: { name: 'time from local commit to COMMIT', explain: 'How long after its local commit the producer sends COMMIT: a crash in between leaves the half message to the back-check (ms).' },
  failOrders: { name: 'orders that fail', explain: 'Orders this service cannot handle: the producer rolls them back, the consumer answers RECONSUME_LATER each time.' },
  checkAnswer: { name: 'check listener answers', explain: 'What the producer answers a back-check: the state its database holds, or UNKNOWN whatever it finds (a broken checker).' },
  group: { name: 'consumer group', explain: 'The consumer group: each group gets every message of the topic once, shared among its members.' },
  processMs: { name: 'handling time', explain: 'How long handling one message or notification takes (ms).' },
  scheduleScale: { name: 'retry schedule scale', explain: 'The notifier’s retry schedule (Alipay: 4 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h) is multiplied by this; 1 is real time.' },
  orderTimeoutMs: { name: 'order timeout', explain: 'An order the shop has not heard is paid within this long is closed as unpaid (ms).' },
  queryBack: { name: 'query back', explain: 'The shop asks the platform’s query API about orders it has not heard of, when it starts and before closing one: the safety net of best-effort notification.' },
  barrier: { name: 'barrier table', explain: 'DTM’s sub-transaction barrier (Seata’s tcc_fence_log): each call first inserts (gid, branch, op) into the barrier table in its own local transaction, so a repeat, a Cancel without a Try and a Try after its Cancel do nothing.' },
  cancelGuard: { name: 'guarded Cancel', explain: 'Without the barrier, Cancel releases only when the frozen amount covers it: a hand-written guard against empty rollback that lets a late Try freeze money for ever.' },
  requestTimeoutMs: { name: 'request timeout', explain: 'How long the coordinator waits for a branch to answer before its outcome counts as unknown (DTM’s RequestTimeout, 3 s) (ms).' },
  retryIntervalMs: { name: 'retry interval', explain: 'The wait before a failed Confirm, Cancel or compensation is called again, doubled after each failure (DTM’s RetryInterval, 10 s) (ms).' },
  settleWithinMs: { name: 'settle deadline', explain: 'The time the service promises each transfer settles in, done or undone on every side; transfer-settles flags one that takes longer (ms). Unset: no promise.' },
  effect: { name: 'effect', explain: 'What handling a message does in the consumer’s database: ship one item from the inventory, or credit an account.' },
  account: { name: 'account', explain: 'The account row the service debits or credits in its database.' },
  transactions: { name: 'global transactions', explain: 'The TCC or Saga global transactions the coordinator runs, one after another, each with its branches (debit or credit an account on a service).' },
};

/** Metrics, by the part after the family prefix (the lock families share these). */
const BY_SUFFIX: Readonly<Record<string, Term>> = {
  acquisitions: { name: 'lock acquisitions', explain: 'How many times a client got the lock.' },
  giveups: { name: 'gave up', explain: 'Redlock clients that failed to reach a majority on every attempt (retryCount + 1) and stopped trying.' },
  'wait.requests': { name: 'requests sent while waiting', explain: 'Requests sent only because the lock was taken: polls, re-checks, subscriptions.' },
  'acquire.p50.ms': { name: 'acquire latency without contention (median)', explain: 'From starting to ask to holding the lock when nobody else had it: the price of asking itself (ms), half of the acquisitions were faster.' },
  'acquire.p99.ms': { name: 'acquire latency without contention (p99)', explain: 'From starting to ask to holding the lock when nobody else had it (ms): 99 in 100 acquisitions were at least this fast.' },
  'handoff.avg.ms': { name: 'handoff after a release (mean)', explain: 'From the holder letting go (its unlock sent) to the next waiting client holding the lock, on average (ms).' },
  'handoff.max.ms': { name: 'handoff after a release (worst)', explain: 'The longest time from the holder letting go to the next waiting client holding the lock (ms).' },
  'handoff.p50.ms': { name: 'handoff after a release (median)', explain: 'From the holder letting go (its unlock sent) to the next waiting client holding the lock (ms): half of the handoffs were faster.' },
  'handoff.p99.ms': { name: 'handoff after a release (p99)', explain: 'From the holder letting go to the next waiting client holding the lock (ms): 99 in 100 handoffs were at least this fast.' },
  'ops.per.s': { name: 'lock operations per second (busiest second)', explain: 'Acquisitions and releases completed within the busiest second of the run: with a client locking and unlocking back to back, the pace the lock allows.' },
  'unusable.ms': { name: 'lock unusable after the holder crashed', explain: 'How long nobody could have the lock because its holder had crashed with it (ms).' },
  renewals: { name: 'lease renewals', explain: 'How many times the watchdog extended the lease.' },
  wakeups: { name: 'waiters woken', explain: 'Notifications handled by waiting clients.' },
  'wakeups.per.handoff': { name: 'waiters woken per handoff', explain: 'Waiters woken for each handoff: 1 means only the next in line, more is a herd.' },
  lost: { name: 'locks lost', explain: 'How many times a client learned it no longer held the lock.' },
  violations: { name: 'violations', explain: 'How many times this invariant was broken.' },
  // The transaction patterns of a showdown (tx-2pc, tx-tcc, tx-saga, tx-msg) share these.
  'transfers.done': { name: 'transfers done', explain: 'Transfers settled with the money moved on every side.' },
  'transfers.undone': { name: 'transfers undone', explain: 'Transfers settled with nothing moved: rolled back, cancelled or compensated (or lost, when money vanished).' },
  messages: { name: 'messages exchanged', explain: 'Messages the pattern’s nodes sent that arrived: calls, SQL statements and their answers, broker traffic.' },
  'messages.per.transfer': { name: 'messages per transfer', explain: 'Messages exchanged for each settled transfer.' },
  'consistency.avg.ms': { name: 'time to consistency (mean)', explain: 'From a transfer’s start until it is done or undone on every side, on average (ms).' },
  'consistency.max.ms': { name: 'time to consistency (worst)', explain: 'The longest time from a transfer’s start until it was done or undone on every side (ms).' },
  'locks.ms': { name: 'row locks held', explain: 'Time rows of its databases were locked by its transactions, summed over every lock: what other transactions would have waited on (ms).' },
  'frozen.ms': { name: 'money frozen', explain: 'Time accounts had money frozen (TCC’s Try to its Confirm or Cancel), summed over the accounts (ms).' },
  'inconsistent.ms': { name: 'accounts not adding up', explain: 'Time its accounts did not add up to what they held at the start: a debit committed and its credit not yet, the intermediate state anyone could read (ms).' },
  'throughput.per.s': { name: 'throughput', explain: 'Transfers settled per second, from the first start to the last settlement.' },
  late: { name: 'past their deadline', explain: 'Transfers that did not settle within the deadline their service promised (settleWithinMs).' },
};

/** Metrics by full name. */
const BY_NAME: Readonly<Record<string, Term>> = {
  'app.ok': { name: 'requests answered', explain: 'Requests the app servers answered with success.' },
  'app.requests': { name: 'requests', explain: 'Requests the app servers received.' },
  'app.unauthorized': { name: 'refused (no session)', explain: 'Requests the app refused because it knew no session for them (401).' },
  'app.redis.trips': { name: 'Redis round trips', explain: 'Requests the app servers sent to Redis.' },
  'app.redis.trips.per.request': { name: 'Redis round trips per request', explain: 'Redis requests per page request: the cost of keeping sessions outside the app.' },
  'attacker.accepted': { name: 'stolen token accepted', explain: 'Requests with the stolen token that the apps let in.' },
  'attacker.refused': { name: 'stolen token refused', explain: 'Requests with the stolen token that the apps turned away.' },
  'auth.revoked.accepted': { name: 'revoked token accepted', explain: 'Requests let in with a token that had already been logged out.' },
  'db.commits': { name: 'commits', explain: 'Transactions the databases committed (reads on their own not counted).' },
  'db.deadlocks': { name: 'deadlocks', explain: 'Cycles of lock waits the databases broke by rolling a victim back (ERROR 1213).' },
  'db.lockTimeouts': { name: 'lock wait timeouts', explain: 'Statements that waited for a row lock longer than the lock wait timeout (ERROR 1205).' },
  'db.lockWaits': { name: 'lock waits', explain: 'Statements that had to wait for a row lock another transaction held.' },
  'db.rollbacks': { name: 'rollbacks', explain: 'Transactions the databases rolled back (asked to, or because their client went away).' },
  'db.statements': { name: 'statements', explain: 'SQL statements the databases answered.' },
  'jwt.issued': { name: 'tokens issued', explain: 'Access tokens the apps signed.' },
  'limiter.allowed': { name: 'requests allowed', explain: 'Requests the limiters let through at once.' },
  'limiter.fail-open': { name: 'allowed without Redis', explain: 'Requests the gateway let through because Redis did not answer (fail-open).' },
  'limiter.queued': { name: 'requests queued', explain: 'Requests a limiter held back and released later (a leaky-bucket queue, Guava’s acquire, Sentinel’s throttling).' },
  'limiter.rejected': { name: 'requests refused', explain: 'Requests a limiter refused (429).' },
  'rate.bound.violations': { name: 'windows over the limit', explain: 'Times more requests got through in one window than the limit allows.' },
  'lb.backend.down': { name: 'backends taken out', explain: 'Times the balancer took a backend out of rotation.' },
  'lb.forwarded': { name: 'requests forwarded', explain: 'Requests the balancer passed to a backend.' },
  'lb.timeouts': { name: 'backend timeouts', explain: 'Requests the balancer gave up on because the backend did not answer (504).' },
  'saga.broken': { name: 'sagas left half done', explain: 'Times the sagas’ outcomes and the databases disagreed: money or stock moved for an order that was not confirmed, or not for one that was.' },
  'saga.duplicates': { name: 'events absorbed', explain: 'Saga events a service found in its inbox: nothing done twice, its recorded answer published again.' },
  'order.placed': { name: 'orders placed', explain: 'Orders committed with their outbox row in one local transaction.' },
  'outbox.published': { name: 'outbox publishes', explain: 'Outbox rows the relay published to the broker (more than the rows when one is published again).' },
  'pay.charges': { name: 'charges', explain: 'Cards charged by the payment service.' },
  'pay.client.paid': { name: 'payments completed', explain: 'Payments the shop saw succeed.' },
  'pay.client.refused': { name: 'payments refused', explain: 'Payments the shop was told were refused.' },
  'pay.client.retries': { name: 'retries', explain: 'Attempts the shop sent again after a timeout.' },
  'pay.client.timeouts': { name: 'timeouts', explain: 'Attempts the shop stopped waiting for.' },
  'pay.conflicts': { name: 'in progress (409)', explain: 'Attempts answered “already in progress” because the key was claimed and not yet done.' },
  'pay.dedupe.hits': { name: 'retries recognised', explain: 'Retries answered with the stored result instead of a new charge.' },
  'pay.double.charges': { name: 'double charges', explain: 'Orders charged more than once.' },
  'pay.pending.expired': { name: 'claims expired', explain: 'Pending idempotency claims whose TTL ran out before the charge finished.' },
  'pay.refused': { name: 'requests refused', explain: 'Requests the payment service refused (a key reused for another order).' },
  'pay.requests': { name: 'requests', explain: 'Payment requests the service received.' },
  'redis.commands': { name: 'commands', explain: 'Commands Redis ran.' },
  'redis.expired': { name: 'keys expired', explain: 'Keys Redis deleted because their TTL ran out.' },
  'redis.promotions': { name: 'promotions', explain: 'Times a replica promoted itself to primary.' },
  'redis.replicated': { name: 'writes replicated', explain: 'Writes that reached a replica.' },
  'sessions.lost': { name: 'sessions lost', explain: 'Sessions that disappeared while their users were still using them.' },
  'sessions.lost.requests': { name: 'requests without their session', explain: 'Requests that arrived where their session was unknown.' },
  'storage.fenced': { name: 'sections fenced off', explain: 'Open sections the storage closed because it saw a newer fencing token.' },
  'storage.rejects': { name: 'stale writes refused', explain: 'Writes the storage refused for an old fencing token.' },
  'storage.writes': { name: 'writes accepted', explain: 'Writes the storage accepted.' },
  'users.errors': { name: 'errors seen', explain: 'Pages that failed for the users.' },
  'users.kicked': { name: 'logged out unexpectedly', explain: 'Times a user was logged out without asking.' },
  'users.logins': { name: 'logins', explain: 'Times the users logged in.' },
  'users.logouts': { name: 'logouts', explain: 'Times the users logged out.' },
  'users.pages': { name: 'pages', explain: 'Pages the users opened.' },
  'watch.changes': { name: 'changes made', explain: 'Writes to the watched znode.' },
  'watch.missed': { name: 'changes missed', explain: 'Changes a watcher was never notified of.' },
  'watch.restored': { name: 'watches restored', explain: 'Watches a reconnecting client registered again with SetWatches.' },
  'watch.undelivered': { name: 'announcements lost', explain: 'Changes ZooKeeper announced that never reached the watcher (lost on a datagram link, or with a broken connection and not re-read).' },
  'watch.notifications': { name: 'notifications', explain: 'Watch events the watchers received.' },
  'watch.reads': { name: 'reads', explain: 'Times the watchers read the config.' },
  'tc.succeeded': { name: 'global transactions done', explain: 'TCC or Saga global transactions confirmed (or completed) on every branch.' },
  'tc.failed': { name: 'global transactions undone', explain: 'TCC or Saga global transactions cancelled (or compensated) on every branch.' },
  'xa.mixed': { name: 'mixed outcomes', explain: 'Global transactions that ended committed on some databases and rolled back on others (heuristic mixed).' },
  'xa.committed': { name: 'transfers committed', explain: 'Global transactions committed on every database.' },
  'xa.rolledBack': { name: 'transfers rolled back', explain: 'Global transactions rolled back (or, without two-phase commit, left half done).' },
  'zk.requests': { name: 'requests', explain: 'Requests ZooKeeper handled.' },
  'zk.sessions.expired': { name: 'sessions expired', explain: 'Sessions ZooKeeper expired for lack of pings.' },
  'zk.sessions.opened': { name: 'sessions opened', explain: 'Sessions ZooKeeper opened.' },
  'effects.doubled': { name: 'double effects', explain: 'Messages that had their effect twice at a consumer (shipped or credited twice).' },
  'mq.consumed': { name: 'messages consumed', explain: 'Messages a consumer group acknowledged (CONSUME_SUCCESS).' },
  'mq.dlq': { name: 'sent to the DLQ', explain: 'Messages that failed more than maxReconsumeTimes times and went to a dead-letter queue, where nothing consumes them.' },
  'mq.half': { name: 'half messages', explain: 'Transactional half messages the broker stored.' },
  'mq.lost.messages': { name: 'committed messages lost', explain: 'Messages whose producer committed that will never reach a consumer: discarded, rolled back or dead-lettered.' },
  'mq.retries': { name: 'retries scheduled', explain: 'Failed messages the broker sent back to be delivered again after a delay level.' },
  'mq.sent': { name: 'messages sent', explain: 'Plain (not transactional) messages the broker stored.' },
  'mq.tx.checks': { name: 'back-checks', explain: 'Times the broker checked a half message with its producer group.' },
  'mq.tx.commits': { name: 'half messages committed', explain: 'Half messages made visible to consumers by a COMMIT (sent by the producer or answering a check).' },
  'mq.tx.discarded': { name: 'half messages discarded', explain: 'Half messages the broker gave up on after transactionCheckMax checks: never delivered.' },
  'mq.tx.rollbacks': { name: 'half messages rolled back', explain: 'Half messages dropped on a ROLLBACK.' },
  'mqc.duplicates.skipped': { name: 'duplicates skipped', explain: 'Messages delivered again that the consumer recognised and did not handle twice.' },
  'inbox.duplicates': { name: 'duplicates absorbed', explain: 'Messages whose id was already in the consumer’s inbox table: rolled back and acknowledged, no second effect.' },
  'inbox.effects': { name: 'orders shipped', explain: 'Messages whose effect committed at the consumer (an item out of stock).' },
  'mqc.effects': { name: 'messages handled', explain: 'Messages whose effect the consumer carried out (orders shipped).' },
  'notify.calls': { name: 'notifications sent', explain: 'Calls the notifier made to the merchant’s notify URL, retries included.' },
  'notify.giveups': { name: 'notifications given up', explain: 'Orders the notifier stopped notifying after the last try of its schedule.' },
  'notify.paid': { name: 'orders paid', explain: 'Orders paid at the platform.' },
  'orders.paid.closed': { name: 'paid orders closed as unpaid', explain: 'Orders the merchant closed as unpaid although the platform had taken the money.' },
  'recv.closed': { name: 'orders closed unpaid', explain: 'Orders the merchant closed because it never heard they were paid.' },
  'recv.credits': { name: 'orders credited', explain: 'Times the merchant marked an order paid.' },
  'recv.duplicates.skipped': { name: 'duplicate notifications skipped', explain: 'Notifications for an order already credited, answered without crediting again.' },
  'recv.queries': { name: 'queries sent', explain: 'Calls the merchant made to the platform’s query API.' },
  'txp.failed': { name: 'local transactions failed', explain: 'Orders whose local transaction at the producer rolled back.' },
  'txp.paid': { name: 'orders paid', explain: 'Orders whose local transaction at the producer committed.' },
};

/** A metric's human name and explanation, or undefined when it has none yet. */
export function metricTerm(key: string): Term | undefined {
  if (Object.hasOwn(BY_NAME, key)) return BY_NAME[key];
  const dot = key.indexOf('.');
  const rest = dot < 0 ? key : key.slice(dot + 1);
  return Object.hasOwn(BY_SUFFIX, rest) ? BY_SUFFIX[rest] : undefined;
}

/** A parameter's human name and explanation, or undefined when it has none. */
export function paramTerm(key: string): Term | undefined {
  return Object.hasOwn(PARAMS, key) ? PARAMS[key] : undefined;
}

/** A piece of running text: plain, or a term written by its key (`ttlMs`, `redis-lock.wait.requests`). */
export type TextPart = string | { key: string; term: Term };

// camelCase parameter keys and dotted metric keys: a plain word ("fencing", "herd") is left as written.
const TOKEN = /\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b|\b[a-z][a-z-]*(?:\.[a-z]+)+\b/g;

/**
 * Splits `text` where it names a parameter or metric by its key, so a view can show the human
 * name with the explanation on hover. Keys with no entry stay as text.
 */
export function withTerms(text: string): TextPart[] {
  const out: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const key = m[0];
    const term = /[A-Z]/.test(key) ? paramTerm(key) : metricTerm(key);
    if (!term) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ key, term });
    last = m.index + key.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
