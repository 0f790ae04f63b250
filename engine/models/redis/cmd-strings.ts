import { addI64, expiryOf, I64_MAX_SECONDS, I64_MIN, intArg, intReply, keepExpiry, mulI64, negI64, parseI64, type I64 } from './int64';
import type { RedisReply } from '../../clients/redis/protocol';
import { err, invalidExpire, NOT_INT, OVERFLOW, ReplyError, SYNTAX, WRONGTYPE } from './keyspace';
import type { CommandSpec, Tx } from './tx';

/** The deadline an expiry argument sets, as Redis's getExpireMillisecondsOrReply (SET family). */
function expireFromArg(arg: string, seconds: boolean, relative: boolean, now: number, cmd: string): I64 {
  const v = intArg(arg);
  if (v <= 0 || (seconds && v > I64_MAX_SECONDS)) throw new ReplyError(invalidExpire(cmd));
  const ms = seconds ? mulI64(v, 1000) : v;
  // In C the sum wraps to a negative number, which Redis then refuses.
  const at = relative ? addI64(ms, now) : ms;
  if (at === null || at <= 0) throw new ReplyError(invalidExpire(cmd));
  return at;
}

type Unit = 'ex' | 'px' | 'exat' | 'pxat';

function set(tx: Tx, argv: readonly string[]): RedisReply {
  const [, key, value] = argv;
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let unit: Unit | null = null;
  let expireArg = '';
  // The same acceptance rules as Redis's parseExtendedStringArgumentsOrReply: an option may
  // repeat (`EX 1 EX 2` keeps the last) but never combine with a conflicting one.
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    const hasNext = j < argv.length - 1;
    if (opt === 'nx' && !xx) nx = true;
    else if (opt === 'xx' && !nx) xx = true;
    else if (opt === 'get') get = true;
    else if (opt === 'keepttl' && unit === null) keepTtl = true;
    else if ((opt === 'ex' || opt === 'px' || opt === 'exat' || opt === 'pxat') && !keepTtl && (unit === null || unit === opt) && hasNext) {
      unit = opt;
      expireArg = argv[++j];
    } else throw new ReplyError(SYNTAX);
  }
  return setGeneric(tx, key, value, { nx, xx, get, keepTtl, unit, expireArg }, 'set');
}

function setGeneric(
  tx: Tx,
  key: string,
  value: string,
  o: { nx?: boolean; xx?: boolean; get?: boolean; keepTtl?: boolean; unit: Unit | null; expireArg: string },
  cmd: string,
): RedisReply {
  const expireAt = o.unit === null ? null : expireFromArg(o.expireArg, o.unit === 'ex' || o.unit === 'exat', o.unit === 'ex' || o.unit === 'px', tx.now, cmd);
  const prev = o.get ? (tx.getString(key) ?? null) : null;
  const old = tx.get(key);
  if ((o.nx && old) || (o.xx && !old)) return prev;
  tx.put(key, { type: 'string', value, ...(o.keepTtl ? keepExpiry(old) : expiryOf(expireAt, tx.now)) });
  return o.get ? prev : 'OK';
}

/** INCR, DECR, INCRBY and DECRBY, as incrDecrCommand: exact over the whole int64 range. */
function incrBy(tx: Tx, key: string, by: I64): RedisReply {
  const e = tx.get(key);
  if (e !== undefined && e.type !== undefined && e.type !== 'string') throw new ReplyError(WRONGTYPE);
  const cur = e === undefined ? 0 : parseI64(e.value);
  if (cur === null) throw new ReplyError(NOT_INT);
  const next = addI64(cur, by);
  if (next === null) throw new ReplyError(OVERFLOW);
  // Redis overwrites the value in place: the TTL stays.
  tx.put(key, { type: 'string', value: String(next), ...keepExpiry(e) });
  return intReply(next);
}

function decrBy(tx: Tx, argv: readonly string[]): RedisReply {
  const by = intArg(argv[2]);
  // decrbyCommand refuses LLONG_MIN before negating it (the negation does not fit).
  if (by === I64_MIN) return err('ERR decrement would overflow');
  return incrBy(tx, argv[1], negI64(by));
}

/** GET, SET and its relatives, and the integer commands on strings. */
export const STRING_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  get: { arity: 2, write: false, run: (tx, argv) => tx.getString(argv[1]) ?? null },
  set: { arity: -3, write: true, run: set },
  setex: { arity: 4, write: true, run: (tx, argv) => setGeneric(tx, argv[1], argv[3], { unit: 'ex', expireArg: argv[2] }, 'setex') },
  psetex: { arity: 4, write: true, run: (tx, argv) => setGeneric(tx, argv[1], argv[3], { unit: 'px', expireArg: argv[2] }, 'psetex') },
  incr: { arity: 2, write: true, run: (tx, argv) => incrBy(tx, argv[1], 1) },
  decr: { arity: 2, write: true, run: (tx, argv) => incrBy(tx, argv[1], -1) },
  incrby: { arity: 3, write: true, run: (tx, argv) => incrBy(tx, argv[1], intArg(argv[2])) },
  decrby: { arity: 3, write: true, run: decrBy },
};
