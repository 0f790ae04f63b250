import type { RedisData } from './keyspace';
import type { RedisState, ReplState } from './state';

// Copies of the server's state for the hot paths: a replica applies one of these per write it
// is streamed, the most frequent step of a replicated run. `{ ...s, repl: { ...s.repl } }`
// went through V8's generic (slow) object clone, since states reach it in many hidden classes
// (built by literals, by spreads at a dozen sites, and rebuilt from snapshots); a literal with
// the fields spelled out has one. Fields keep the order initState gives them.

/** `s` with `data` and `repl` in place of its own (optional fields kept when present). */
export function stateWith(s: RedisState, data: RedisData, repl: ReplState): RedisState {
  const n: RedisState =
    s.aof === undefined
      ? { data, cycleAt: s.cycleAt, cycleTimer: s.cycleTimer, hz: s.hz, role: s.role, primary: s.primary, promotedFrom: s.promotedFrom, restarts: s.restarts, repl }
      : { aof: s.aof, data, cycleAt: s.cycleAt, cycleTimer: s.cycleTimer, hz: s.hz, role: s.role, primary: s.primary, promotedFrom: s.promotedFrom, restarts: s.restarts, repl };
  if (s.clients !== undefined) n.clients = s.clients;
  if (s.blocked !== undefined) n.blocked = s.blocked;
  return n;
}

/** `c`'s value where it has one (null counts), else `r`'s. */
const or = <T>(c: T | undefined, r: T): T => (c !== undefined ? c : r);

/** `r` with the fields `c` sets. */
export function replWith(r: ReplState, c: Partial<ReplState>): ReplState {
  const lagMs = or(c.lagMs, r.lagMs);
  const pingMs = or(c.pingMs, r.pingMs);
  const timeoutMs = or(c.timeoutMs, r.timeoutMs);
  const promoteAfterMs = or(c.promoteAfterMs, r.promoteAfterMs);
  const priority = or(c.priority, r.priority);
  const offset = or(c.offset, r.offset);
  const sent = or(c.sent, r.sent);
  const replicas = or(c.replicas, r.replicas);
  const backlog = or(c.backlog, r.backlog);
  const pingTimer = or(c.pingTimer, r.pingTimer);
  const link = or(c.link, r.link);
  const lastHeard = or(c.lastHeard, r.lastHeard);
  const watchTimer = or(c.watchTimer, r.watchTimer);
  return priority === undefined
    ? { lagMs, pingMs, timeoutMs, promoteAfterMs, offset, sent, replicas, backlog, pingTimer, link, lastHeard, watchTimer }
    : { lagMs, pingMs, timeoutMs, promoteAfterMs, priority, offset, sent, replicas, backlog, pingTimer, link, lastHeard, watchTimer };
}
