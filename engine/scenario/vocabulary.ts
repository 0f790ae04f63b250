import { p, type Phrase } from '../core/phrase';
import type { Formatter } from '../i18n/format';

/**
 * One vocabulary (#20 §11): the human name and a one-line explanation of every parameter and
 * metric the built-ins use, so the About text, the inspector and the metrics tab say the same
 * thing and each can explain it on hover. The words are messages of the `scenario` namespace
 * (messages.en.ts / messages.zh.ts): `param-<key>-name` and `-explain`, `metric-<name>-…` with
 * the name's dots as dashes, `metric-shared-<rest>-…` for what a family of nodes shares.
 */

/** A term's name as people read it, and what it means: phrases, rendered in the reader's language. */
export interface Term {
  name: Phrase;
  explain: Phrase;
}

/** Parameters (of nodes, links and programs) with a name and an explanation, by key. */
export const PARAMS: readonly string[] = [
  'amount', 'appendonly', 'appendfsync', 'atMs', 'auth', 'backoffMs', 'broker', 'changes', 'chargeMs',
  'commands', 'dedupe', 'denylist', 'fall', 'fallback', 'fencing', 'healthEveryMs', 'herd', 'holdMs',
  'initial', 'intervalMs', 'decision', 'db', 'deadlockDetect', 'item', 'key', 'kind', 'waitTimeoutMs',
  'lockWaitTimeoutMs', 'leaseMs', 'leakAtPage', 'leakTo', 'leewayMs', 'lockKey', 'lockPath', 'logout',
  'markDelayMs', 'maxAttempts', 'maxInactiveMs', 'mode', 'ops', 'order', 'pageEveryMs', 'pages', 'path',
  'pendingTtlMs', 'pollMs', 'policy', 'sentinels', 'quorum', 'parallelSyncs', 'monitor', 'masterName',
  'failoverTimeoutMs', 'downAfterMs', 'promoteOnPrimaryDownMs', 'redisTimeoutMs', 'reentry', 'refreshTtlMs',
  'replPingMs', 'replicaOf', 'replicationLagMs', 'retryMs', 'rise', 'role', 'rounds', 'startMs', 'tables',
  'transfers', 'twoPhase', 'sessionTimeoutMs', 'rereadOnReconnect', 'rereadWatch', 'startDelayMs', 'storage',
  'store', 'driftFactor', 'retryCount', 'retryDelayMs', 'retryJitterMs', 'masters', 'target', 'serverId',
  'initLimit', 'syncLimit', 'fsyncMs', 'fsyncJitterMs', 'thinkMs', 'xid', 'tickTime', 'timeoutMs',
  'tokenTtlMs', 'tries', 'algorithm', 'perKey', 'seed', 'shape', 'stopMs', 'spreadMs', 'maxQueueMs', 'onMs',
  'offMs', 'ttlMs', 'unsafeDel', 'user', 'watchdogTimeoutMs', 'queuesPerTopic', 'transactionTimeOutMs',
  'transactionCheckIntervalMs', 'transactionCheckMax', 'delayScale', 'maxReconsumeTimes', 'producerGroup',
  'topic', 'orders', 'localTxMs', 'afterCommitMs', 'failOrders', 'checkAnswer', 'group', 'processMs',
  'scheduleScale', 'orderTimeoutMs', 'queryBack', 'barrier', 'cancelGuard', 'requestTimeoutMs',
  'retryIntervalMs', 'settleWithinMs', 'effect', 'account', 'transactions',
  // The parameters of a limiter's algorithm and of a traffic source's shape.
  'limit', 'windowMs', 'slots', 'weighted', 'ratePerSec', 'capacity', 'permitsPerSecond', 'maxBurstSeconds',
  'warmupMs', 'coldFactor', 'count', 'sampleCount', 'maxQueueingTimeMs', 'warmUpPeriodSec', 'replenishRate',
  'burstCapacity', 'requestedTokens', 'routeId', 'redis', 'type', 'perSide', 'firstBoundaryMs', 'everyMs',
  'fromPerSec', 'toPerSec', 'overMs', 'targets', 'arrivals', 'at', 'permits',
];

/** Metrics, by the part after the family prefix (the lock families and the transaction patterns of a showdown share these). */
export const SHARED_METRICS: readonly string[] = [
  'acquisitions', 'giveups', 'wait.requests', 'acquire.p50.ms', 'acquire.p99.ms', 'handoff.avg.ms',
  'handoff.max.ms', 'handoff.p50.ms', 'handoff.p99.ms', 'ops.per.s', 'unusable.ms', 'renewals', 'wakeups',
  'wakeups.per.handoff', 'lost', 'violations', 'transfers.done', 'transfers.undone', 'messages',
  'messages.per.transfer', 'consistency.avg.ms', 'consistency.max.ms', 'locks.ms', 'frozen.ms',
  'inconsistent.ms', 'throughput.per.s', 'late',
];

/** Metrics by full name. */
export const METRICS: readonly string[] = [
  'app.ok', 'app.requests', 'app.unauthorized', 'app.redis.trips', 'app.redis.trips.per.request',
  'attacker.accepted', 'attacker.refused', 'auth.revoked.accepted', 'db.commits', 'db.deadlocks',
  'db.lockTimeouts', 'db.lockWaits', 'db.rollbacks', 'db.statements', 'jwt.issued', 'limiter.allowed',
  'limiter.fail-open', 'limiter.queued', 'limiter.rejected', 'rate.bound.violations', 'lb.backend.down',
  'lb.forwarded', 'lb.timeouts', 'saga.broken', 'saga.duplicates', 'order.placed', 'outbox.published',
  'pay.charges', 'pay.client.paid', 'pay.client.refused', 'pay.client.retries', 'pay.client.timeouts',
  'pay.conflicts', 'pay.dedupe.hits', 'pay.double.charges', 'pay.pending.expired', 'pay.refused',
  'pay.requests', 'redis.commands', 'redis.expired', 'redis.promotions', 'redis.replicated', 'sessions.lost',
  'sessions.lost.requests', 'storage.fenced', 'storage.rejects', 'storage.writes', 'users.errors',
  'users.kicked', 'users.logins', 'users.logouts', 'users.pages', 'watch.changes', 'watch.missed',
  'watch.restored', 'watch.undelivered', 'watch.notifications', 'watch.reads', 'tc.succeeded', 'tc.failed',
  'xa.mixed', 'xa.committed', 'xa.rolledBack', 'zk.requests', 'zk.sessions.expired', 'zk.sessions.opened',
  'effects.doubled', 'mq.consumed', 'mq.dlq', 'mq.half', 'mq.lost.messages', 'mq.retries', 'mq.sent',
  'mq.tx.checks', 'mq.tx.commits', 'mq.tx.discarded', 'mq.tx.rollbacks', 'mqc.duplicates.skipped',
  'inbox.duplicates', 'inbox.effects', 'mqc.effects', 'notify.calls', 'notify.giveups', 'notify.paid',
  'orders.paid.closed', 'recv.closed', 'recv.credits', 'recv.duplicates.skipped', 'recv.queries',
  'txp.failed', 'txp.paid',
];

const dashed = (key: string) => key.replace(/\./g, '-');
const term = (id: string): Term => ({ name: p(`scenario.${id}-name`), explain: p(`scenario.${id}-explain`) });
const PARAM_SET = new Set(PARAMS);
const SHARED_SET = new Set(SHARED_METRICS);
const METRIC_SET = new Set(METRICS);

/** A metric's human name and explanation, or undefined when it has none yet. */
export function metricTerm(key: string): Term | undefined {
  if (METRIC_SET.has(key)) return term(`metric-${dashed(key)}`);
  const dot = key.indexOf('.');
  const rest = dot < 0 ? key : key.slice(dot + 1);
  return SHARED_SET.has(rest) ? term(`metric-shared-${dashed(rest)}`) : undefined;
}

/** A parameter's human name and explanation, or undefined when it has none. */
export function paramTerm(key: string): Term | undefined {
  return PARAM_SET.has(key) ? term(`param-${key}`) : undefined;
}

/** A piece of running text: plain, or a term (written by its key, `ttlMs`, or by its name in the text's language). */
export type TextPart = string | { key: string; term: Term };

// camelCase parameter keys and dotted metric keys: a plain word ("fencing", "herd") is left as written.
const TOKEN = /\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b|\b[a-z][a-z-]*(?:\.[a-z]+)+\b/g;
const KEY = /^(?:[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+|[a-z][a-z-]*(?:\.[a-z]+)+)$/;

/** Whether a name in another language is distinctive enough to find in running text: Chinese, three characters or more. */
const findable = (name: string) => /[\u3400-\u9fff]/.test(name) && name.replace(/\s/g, '').length >= 3;

interface Names {
  pattern: RegExp;
  byName: Map<string, { key: string; term: Term }>;
}
const namesOf = new WeakMap<Formatter, Names>();

/**
 * The terms' names in `f`'s language that running text may write instead of the key: the
 * {@link findable} names of terms with a key running text can name, each naming one thing only
 * (a name two terms share with different explanations is left as text), longest first so a
 * longer name wins over one inside it.
 */
function names(f: Formatter): Names {
  const hit = namesOf.get(f);
  if (hit) return hit;
  const found = new Map<string, { key: string; term: Term } | null>();
  const add = (key: string, t: Term) => {
    const name = f.say(t.name);
    if (!findable(name)) return;
    const had = found.get(name);
    if (had === undefined) found.set(name, { key, term: t });
    else if (had && f.say(had.term.explain) !== f.say(t.explain)) found.set(name, null);
  };
  // Only terms whose key running text can name (English finds `sessionTimeoutMs`, never
  // `db`): the name of a plain-word key (数据库, 服务器) is an everyday word.
  for (const k of PARAMS) if (KEY.test(k)) add(k, paramTerm(k)!);
  for (const k of METRICS) if (KEY.test(k)) add(k, metricTerm(k)!);
  for (const k of SHARED_METRICS) add(k, term(`metric-shared-${dashed(k)}`));
  const byName = new Map([...found].filter((e): e is [string, { key: string; term: Term }] => e[1] !== null));
  const alternatives = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`${TOKEN.source}${alternatives.length ? `|${alternatives.join('|')}` : ''}`, 'g');
  const names = { pattern, byName };
  namesOf.set(f, names);
  return names;
}

/**
 * Splits `text` where it names a parameter or metric by its key, so a view can show the human
 * name with the explanation on hover. Keys with no entry stay as text. Given the formatter of
 * a language other than English, it also finds the terms written by their names in that
 * language (a Chinese note saying 会话超时 rather than `sessionTimeoutMs`).
 */
export function withTerms(text: string, f?: Formatter): TextPart[] {
  const other = f && f.lang !== 'en' ? names(f) : undefined;
  const out: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(other?.pattern ?? TOKEN)) {
    const word = m[0];
    const part = KEY.test(word) ? keyed(word) : other?.byName.get(word);
    if (!part) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(part);
    last = m.index + word.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function keyed(key: string): { key: string; term: Term } | undefined {
  const t = /[A-Z]/.test(key) ? paramTerm(key) : metricTerm(key);
  return t && { key, term: t };
}

/** How `f` renders a term part: its name, and the hover (the explanation, and the key). */
export function termText(part: { key: string; term: Term }, f: Formatter): { name: string; hover: string } {
  return { name: f.say(part.term.name), hover: f.t('scenario.term-hover', { explain: part.term.explain, key: part.key }) };
}
