import type { RedisReply } from '../../clients/redis/protocol';
import { LUA, type ScriptName } from '../../clients/redis/scripts';
import { err, isErrorReply } from './keyspace';
import { fmtG17, fromLua, luaMax, luaMin, luaToNumber, toLua } from './lua';

export { fmtG17, luaInt, luaToNumber } from './lua';

/**
 * Named atomic scripts. Clients send them as real ones do, `EVAL <lua> <numkeys> key... arg...`
 * (see `evalArgv` in engine/clients/redis/scripts.ts); `FCALL <name> …` also runs them, as if loaded as Redis 7 functions. Each has
 * its Lua original (the conformance runner sends exactly that to a real server) and a TypeScript twin that makes the same `redis.call`s in the
 * same order, so partial writes before an error, error texts and reply conversions match:
 * a Lua number becomes an integer reply by truncation, nil and false become nil, and a failing
 * `redis.call` aborts with `<error> script: <name>, on @user_script:<line>.`.
 */
export interface ScriptDef {
  /** The Lua source, verbatim as the client library sends it. */
  readonly lua: string;
  /** What it is, for docs and narration. */
  readonly summary: string;
  readonly keys: readonly string[];
  readonly args: readonly string[];
  run(call: ScriptCall, keys: readonly (string | undefined)[], args: readonly (string | undefined)[]): RedisReply;
}

/** `redis.call` from inside a script: returns the reply, or aborts the script on an error reply. */
export type ScriptCall = (line: number, ...argv: (string | undefined)[]) => RedisReply;

class ScriptAbort extends Error {
  constructor(
    readonly msg: string,
    readonly line: number,
  ) {
    super(msg);
  }
}

/** A Lua run-time error (arithmetic on nil…), reported the way Redis 7.0 reports it. */
class LuaError extends ScriptAbort {}

/** The 1-based line of `lua` that contains `marker` (so line numbers follow the source). */
function lineOf(lua: string, marker: string): number {
  const i = lua.indexOf(marker);
  if (i < 0) throw new Error(`script marker not found: ${marker}`);
  return lua.slice(0, i).split('\n').length;
}

const str = (v: number) => fmtG17(v);

const SCG = {
  fill: lineOf(LUA['scg-token-bucket'], 'local fill_time'),
  getTokens: lineOf(LUA['scg-token-bucket'], 'redis.call("get", tokens_key)'),
  getStamp: lineOf(LUA['scg-token-bucket'], 'redis.call("get", timestamp_key)'),
  delta: lineOf(LUA['scg-token-bucket'], 'local delta'),
  filled: lineOf(LUA['scg-token-bucket'], 'local filled_tokens'),
  allowed: lineOf(LUA['scg-token-bucket'], 'local allowed ='),
  time: lineOf(LUA['scg-token-bucket'], "redis.call('TIME')"),
  setTokens: lineOf(LUA['scg-token-bucket'], 'redis.call("setex", tokens_key'),
  setStamp: lineOf(LUA['scg-token-bucket'], 'redis.call("setex", timestamp_key'),
};

const UNLOCK_DEL = lineOf(LUA.unlock, 'redis.call("del"');
const RENEW_PEXPIRE = lineOf(LUA.renew, 'redis.call("pexpire"');

/** Lua arithmetic: a nil operand raises "attempt to perform arithmetic on local 'x' (a nil value)". */
function arith(line: number, a: [string, number | undefined], b: [string, number | undefined]): [number, number] {
  if (a[1] === undefined) throw new LuaError(`attempt to perform arithmetic on local '${a[0]}' (a nil value)`, line);
  if (b[1] === undefined) throw new LuaError(`attempt to perform arithmetic on local '${b[0]}' (a nil value)`, line);
  return [a[1], b[1]];
}

/** The scripts by name: the same names as the Lua sources clients send (engine/clients/redis/scripts.ts). */
export const SCRIPTS: Readonly<Record<string, ScriptDef>> = {
  unlock: {
    lua: LUA.unlock,
    summary: 'compare-and-delete: DEL the lock only if it still holds our token',
    keys: ['lock'],
    args: ['token'],
    run(call, [key], [token]) {
      if (call(1, 'get', key) === (token ?? false)) return call(UNLOCK_DEL, 'del', key);
      return 0;
    },
  },
  renew: {
    lua: LUA.renew,
    summary: 'compare-and-pexpire: extend the lease only if the lock still holds our token',
    keys: ['lock'],
    args: ['token', 'ttlMs'],
    run(call, [key], [token, ms]) {
      if (call(1, 'get', key) === (token ?? false)) return call(RENEW_PEXPIRE, 'pexpire', key, ms);
      return 0;
    },
  },
  rlock: {
    lua: LUA.rlock,
    summary: 'Redisson lock: take or re-enter (hash field <clientId>:<threadId> = count) and PEXPIRE; nil when held, else the PTTL',
    keys: ['lock'],
    args: ['leaseMs', 'clientId:threadId'],
    run(call, [key], [lease, field]) {
      if (call(1, 'exists', key) === 0 || call(1, 'hexists', key, field) === 1) {
        call(1, 'hincrby', key, field, '1');
        call(1, 'pexpire', key, lease);
        return null;
      }
      return call(1, 'pttl', key);
    },
  },
  runlock: {
    lua: LUA.runlock,
    summary: 'Redisson unlock: decrement; at 0 DEL and PUBLISH on the channel. nil = not ours, 0 = still held, 1 = released',
    keys: ['lock', 'channel'],
    args: ['message', 'leaseMs', 'clientId:threadId'],
    run(call, [key, channel], [message, lease, field]) {
      if (call(1, 'hexists', key, field) === 0) return null;
      const counter = call(1, 'hincrby', key, field, '-1') as number;
      if (counter > 0) {
        call(1, 'pexpire', key, lease);
        return 0;
      }
      call(1, 'del', key);
      call(1, 'publish', channel, message);
      return 1;
    },
  },
  rrenew: {
    lua: LUA.rrenew,
    summary: "Redisson watchdog renewal: PEXPIRE only while our hash field exists",
    keys: ['lock'],
    args: ['leaseMs', 'clientId:threadId'],
    run(call, [key], [lease, field]) {
      if (call(1, 'hexists', key, field) === 1) {
        call(1, 'pexpire', key, lease);
        return 1;
      }
      return 0;
    },
  },
  'scg-token-bucket': {
    lua: LUA['scg-token-bucket'],
    summary: 'Spring Cloud Gateway token bucket: refill by elapsed seconds × rate up to capacity; returns [allowed, tokens_left]',
    keys: ['tokens', 'timestamp'],
    args: ['rate', 'capacity', 'nowSeconds (empty: Redis TIME)', 'requested'],
    run(call, [tokensKey, stampKey], args) {
      const rate = luaToNumber(args[0]);
      const capacity = luaToNumber(args[1]);
      // `tonumber(ARGV[3]) or redis.call('TIME')[1]`: the seconds come back as a string, which Lua's
      // arithmetic converts and SETEX stores as it is.
      const given = luaToNumber(args[2]);
      const now = given ?? luaToNumber((call(SCG.time, 'TIME') as string[])[0]);
      const requested = luaToNumber(args[3]);
      const [c, r] = arith(SCG.fill, ['capacity', capacity], ['rate', rate]);
      const ttl = Math.floor((c / r) * 2);
      const lastTokens = luaToNumber(call(SCG.getTokens, 'get', tokensKey)) ?? c;
      const lastRefreshed = luaToNumber(call(SCG.getStamp, 'get', stampKey)) ?? 0;
      const [n] = arith(SCG.delta, ['now', now], ['last_refreshed', lastRefreshed]);
      const delta = luaMax(0, n - lastRefreshed);
      const filled = luaMin(c, lastTokens + delta * r);
      // Lua 5.1 compiles `a >= b` as `b <= a`, so a nil `requested` is named first.
      if (requested === undefined) throw new LuaError('attempt to compare nil with number', SCG.allowed);
      const allowed = filled >= requested;
      const newTokens = allowed ? filled - requested : filled;
      if (ttl > 0) {
        call(SCG.setTokens, 'setex', tokensKey, str(ttl), str(newTokens));
        call(SCG.setStamp, 'setex', stampKey, str(ttl), str(n));
      }
      return [allowed ? 1 : 0, newTokens];
    },
  },
} satisfies Record<ScriptName, ScriptDef>;

/**
 * Runs a named script: `exec` passes a `redis.call` that executes inside the same command
 * (time frozen at the script's start, as Redis 7 does). Writes made before an error stay, as
 * Redis scripts have no rollback.
 */
export function runScript(
  name: string,
  script: ScriptDef,
  keys: readonly string[],
  args: readonly string[],
  exec: (argv: readonly string[]) => RedisReply,
): RedisReply {
  const call: ScriptCall = (line, ...argv) => {
    if (argv.some((a) => a === undefined)) throw new ScriptAbort('ERR Lua redis lib command arguments must be strings or integers', line);
    const reply = exec(argv as string[]);
    if (isErrorReply(reply)) throw new ScriptAbort(reply.error, line);
    return toLua(reply);
  };
  try {
    return fromLua(script.run(call, keys, args));
  } catch (e) {
    if (e instanceof LuaError) return err(`ERR user_script:${e.line}: ${e.msg} script: ${name}, on @user_script:${e.line}.`);
    if (e instanceof ScriptAbort) return err(`${e.msg} script: ${name}, on @user_script:${e.line}.`);
    throw e;
  }
}
