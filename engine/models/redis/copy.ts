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

/** `r` with a new offset and the time the primary was last heard from. */
export function replAt(r: ReplState, offset: number, lastHeard: number): ReplState {
  const { lagMs, pingMs, timeoutMs, promoteAfterMs, sent, replicas, backlog, pingTimer, link, watchTimer } = r;
  return r.priority === undefined
    ? { lagMs, pingMs, timeoutMs, promoteAfterMs, offset, sent, replicas, backlog, pingTimer, link, lastHeard, watchTimer }
    : { lagMs, pingMs, timeoutMs, promoteAfterMs, priority: r.priority, offset, sent, replicas, backlog, pingTimer, link, lastHeard, watchTimer };
}
