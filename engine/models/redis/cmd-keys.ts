import { addI64, deadlineOf, I64_MAX_SECONDS, I64_MIN_SECONDS, intArg, intReply, mulI64, withExpiry } from './int64';
import type { RedisReply } from '../../clients/redis/protocol';
import { err, errFormat, invalidExpire } from './keyspace';
import type { CommandSpec, Tx } from './tx';

/**
 * EXPIRE / PEXPIRE / EXPIREAT / PEXPIREAT with Redis 7's NX | XX | GT | LT, as
 * expireGenericCommand: the deadline is `base` (now, or 0 for the AT forms) plus the argument,
 * computed exactly and refused where C's long long would overflow.
 */
function expire(tx: Tx, argv: readonly string[], seconds: boolean, base: number): RedisReply {
  const cmd = argv[0].toLowerCase();
  let nx = false;
  let xx = false;
  let gt = false;
  let lt = false;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    if (opt === 'nx') nx = true;
    else if (opt === 'xx') xx = true;
    else if (opt === 'gt') gt = true;
    else if (opt === 'lt') lt = true;
    else return errFormat(`ERR Unsupported option ${argv[j]}`);
  }
  if (nx && (xx || gt || lt)) return err('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (gt && lt) return err('ERR GT and LT options at the same time are not compatible');
  let when = intArg(argv[2]);
  if (seconds) {
    if (when > I64_MAX_SECONDS || when < I64_MIN_SECONDS) return invalidExpire(cmd);
    when = mulI64(when, 1000);
  }
  // A negative argument plus a base >= 0 cannot underflow: only the positive side is checked.
  const at = addI64(when, base);
  if (at === null) return invalidExpire(cmd);
  const e = tx.get(argv[1]);
  if (e === undefined) return 0;
  // Mixed number/bigint comparisons are exact in JavaScript.
  const cur = deadlineOf(e);
  if (nx && cur !== null) return 0;
  if (xx && cur === null) return 0;
  if (gt && (cur === null || at <= cur)) return 0;
  if (lt && cur !== null && at >= cur) return 0;
  // A deadline already passed deletes the key at once (checkAlreadyExpired: when <= now).
  if (at <= tx.now) tx.put(argv[1], undefined);
  else tx.put(argv[1], withExpiry(e, at, tx.now));
  return 1;
}

/** Deadlines this far below 2^53 leave room for the +500 of TTL's rounding in plain numbers. */
const FAST_TTL = 2 ** 52;

/** TTL / PTTL (time left) and EXPIRETIME / PEXPIRETIME (the deadline itself), as ttlGenericCommand. */
function ttl(tx: Tx, key: string, ms: boolean, absolute: boolean): RedisReply {
  const e = tx.get(key);
  if (e === undefined) return -2;
  const d = deadlineOf(e);
  if (d === null) return -1;
  if (typeof d === 'number' && d < FAST_TTL) {
    const left = Math.max(0, absolute ? d : d - tx.now);
    return ms ? left : Math.floor((left + 500) / 1000);
  }
  let left = absolute ? BigInt(d) : BigInt(d) - BigInt(tx.now);
  if (left < 0n) left = 0n;
  // Rounds half up in seconds; the sum does not wrap on the real server either (checked there).
  return intReply(ms ? left : (left + 500n) / 1000n);
}

/** The keyspace commands: existence, type, deletion and TTLs. */
export const KEY_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  del: {
    arity: -2,
    write: true,
    run: (tx, argv) => {
      let n = 0;
      for (const k of argv.slice(1)) {
        if (tx.get(k) !== undefined) {
          tx.put(k, undefined);
          n++;
        }
      }
      return n;
    },
  },
  exists: {
    arity: -2,
    write: false,
    run: (tx, argv) => argv.slice(1).filter((k) => tx.get(k) !== undefined).length,
  },
  type: {
    arity: 2,
    write: false,
    run: (tx, argv) => {
      const e = tx.get(argv[1]);
      return e === undefined ? 'none' : (e.type ?? 'string');
    },
  },
  dbsize: { arity: 1, write: false, run: (tx) => tx.size },
  expire: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, true, tx.now) },
  pexpire: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, false, tx.now) },
  expireat: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, true, 0) },
  pexpireat: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, false, 0) },
  persist: {
    arity: 2,
    write: true,
    run: (tx, argv) => {
      const e = tx.get(argv[1]);
      if (e === undefined || e.expireAt === null) return 0;
      tx.put(argv[1], withExpiry(e, null, tx.now));
      return 1;
    },
  },
  ttl: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], false, false) },
  pttl: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], true, false) },
  expiretime: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], false, true) },
  pexpiretime: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], true, true) },
};
