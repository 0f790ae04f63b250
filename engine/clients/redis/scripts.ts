// The Lua scripts clients send, verbatim, and how a client sends one: `EVAL <source> <numkeys>
// keys… args…`, as Redisson and redis-py do. The server model knows them by their exact source
// and runs a TypeScript twin of each (engine/models/redis/scripts.ts); the conformance runner
// sends these same sources to a real server.

/** The compare-and-delete unlock from the Redis documentation (`SET key token NX PX ttl` locks). */
const UNLOCK_LUA = `if redis.call("get",KEYS[1]) == ARGV[1] then
    return redis.call("del",KEYS[1])
else
    return 0
end`;

/** The same pattern extending the lease: compare-and-pexpire. */
const RENEW_LUA = `if redis.call("get",KEYS[1]) == ARGV[1] then
    return redis.call("pexpire",KEYS[1],ARGV[2])
else
    return 0
end`;

// Redisson builds its scripts by Java string concatenation, so they reach Redis on one line.
/** Redisson 3.x RedissonLock.tryLockInnerAsync. */
const RLOCK_LUA =
  "if (redis.call('exists', KEYS[1]) == 0) then " +
  "redis.call('hincrby', KEYS[1], ARGV[2], 1); " +
  "redis.call('pexpire', KEYS[1], ARGV[1]); " +
  'return nil; ' +
  'end; ' +
  "if (redis.call('hexists', KEYS[1], ARGV[2]) == 1) then " +
  "redis.call('hincrby', KEYS[1], ARGV[2], 1); " +
  "redis.call('pexpire', KEYS[1], ARGV[1]); " +
  'return nil; ' +
  'end; ' +
  "return redis.call('pttl', KEYS[1]);";

/** Redisson 3.x RedissonLock.unlockInnerAsync. */
const RUNLOCK_LUA =
  "if (redis.call('hexists', KEYS[1], ARGV[3]) == 0) then " +
  'return nil;' +
  'end; ' +
  "local counter = redis.call('hincrby', KEYS[1], ARGV[3], -1); " +
  'if (counter > 0) then ' +
  "redis.call('pexpire', KEYS[1], ARGV[2]); " +
  'return 0; ' +
  'else ' +
  "redis.call('del', KEYS[1]); " +
  "redis.call('publish', KEYS[2], ARGV[1]); " +
  'return 1; ' +
  'end; ' +
  'return nil;';

/** Redisson 3.x RedissonBaseLock.renewExpirationAsync (the watchdog's renewal). */
const RRENEW_LUA =
  "if (redis.call('hexists', KEYS[1], ARGV[2]) == 1) then " +
  "redis.call('pexpire', KEYS[1], ARGV[1]); " +
  'return 1; ' +
  'end; ' +
  'return 0;';

/**
 * Spring Cloud Gateway's request_rate_limiter.lua, verbatim from its main branch (2025). Since
 * 3.0.6 the gateway sends an empty ARGV[3] and the script reads Redis's own clock (`TIME`), so
 * the gateways' clocks never enter it; an explicit ARGV[3] (what versions before sent) still wins.
 */
const SCG_LUA = `redis.replicate_commands()

local tokens_key = KEYS[1]
local timestamp_key = KEYS[2]

local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local now = tonumber(ARGV[3]) or redis.call('TIME')[1]
local requested = tonumber(ARGV[4])

local fill_time = capacity / rate
local ttl = math.floor(fill_time * 2)

local last_tokens = tonumber(redis.call("get", tokens_key)) or capacity
local last_refreshed = tonumber(redis.call("get", timestamp_key)) or 0

local delta = math.max(0, now-last_refreshed)
local filled_tokens = math.min(capacity, last_tokens+(delta*rate))
local allowed = filled_tokens >= requested
local new_tokens = allowed and filled_tokens - requested or filled_tokens

if ttl > 0 then
  redis.call("setex", tokens_key, ttl, new_tokens)
  redis.call("setex", timestamp_key, ttl, now)
end

return { allowed and 1 or 0, new_tokens }`;

/** The known scripts' Lua sources, by name. */
export const LUA = {
  unlock: UNLOCK_LUA,
  renew: RENEW_LUA,
  rlock: RLOCK_LUA,
  runlock: RUNLOCK_LUA,
  rrenew: RRENEW_LUA,
  'scg-token-bucket': SCG_LUA,
} as const;

/** A known script's name. */
export type ScriptName = keyof typeof LUA;

/** Script names by their exact Lua source, for EVAL. */
const BY_SOURCE: ReadonlyMap<string, ScriptName> = new Map(Object.entries(LUA).map(([name, lua]) => [lua, name as ScriptName]));

/** The name of the known script whose source is exactly `lua`, if any. */
export function scriptBySource(lua: string): ScriptName | undefined {
  return BY_SOURCE.get(lua);
}

/** The command a client sends to run script `name`: `EVAL <its lua> <numkeys> keys… args…`. */
export function evalArgv(name: ScriptName, keys: readonly string[], args: readonly string[]): string[] {
  return ['EVAL', LUA[name], String(keys.length), ...keys, ...args];
}

/** A command line for people: an EVAL of a known script shows the script's name, not its source. */
export function commandLine(argv: readonly string[]): string {
  if (argv.length > 1 && argv[0].toUpperCase() === 'EVAL') {
    const name = scriptBySource(argv[1]);
    if (name !== undefined) return [argv[0], `<${name}.lua>`, ...argv.slice(2)].join(' ');
  }
  return argv.join(' ');
}
