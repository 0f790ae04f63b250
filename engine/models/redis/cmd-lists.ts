import { intArg, keepExpiry } from './int64';
import type { RedisReply } from '../../clients/redis/protocol';
import { err, wrongArgs, type RedisListEntry } from './keyspace';
import { blockingTimeoutMs } from './timeout';
import type { CommandSpec, Tx } from './tx';

/** Writes the list back, or deletes the key when it is empty (as Redis does). */
function putList(tx: Tx, key: string, old: RedisListEntry | undefined, value: readonly string[]): void {
  tx.put(key, value.length === 0 ? undefined : { type: 'list', value, ...keepExpiry(old) });
}

function push(tx: Tx, argv: readonly string[], left: boolean): RedisReply {
  const key = argv[1];
  const l = tx.getList(key);
  const items = argv.slice(2);
  // LPUSH a b c pushes each to the head in turn: the list reads c b a.
  const value = left ? [...items.reverse(), ...(l?.value ?? [])] : [...(l?.value ?? []), ...items];
  putList(tx, key, l, value);
  tx.ready.push(key);
  return value.length;
}

/** Takes up to `n` elements from one end: head first for the left, tail first for the right. */
function take(tx: Tx, key: string, l: RedisListEntry, n: number, left: boolean): string[] {
  const k = Math.min(n, l.value.length);
  const out = left ? l.value.slice(0, k) : l.value.slice(l.value.length - k).reverse();
  putList(tx, key, l, left ? l.value.slice(k) : l.value.slice(0, l.value.length - k));
  return out;
}

/** LPOP / RPOP key [count], as popGenericCommand. */
function pop(tx: Tx, argv: readonly string[], left: boolean): RedisReply {
  if (argv.length > 3) return wrongArgs(argv[0].toLowerCase());
  let count: number | null = null;
  if (argv.length === 3) {
    // getPositiveLongFromObjectOrReply: one message for non-integers and negatives alike.
    let v;
    try {
      v = intArg(argv[2]);
    } catch {
      v = -1;
    }
    if (v < 0) return err('ERR value is out of range, must be positive');
    count = Number(v);
  }
  const l = tx.getList(argv[1]);
  if (l === undefined) return null;
  if (count === 0) return [];
  const out = take(tx, argv[1], l, count ?? 1, left);
  return count === null ? out[0] : out;
}

/** LRANGE key start stop, with Redis's clamping of negative and out-of-range indexes. */
function lrange(tx: Tx, argv: readonly string[]): RedisReply {
  let start = Number(intArg(argv[2]));
  let end = Number(intArg(argv[3]));
  const l = tx.getList(argv[1]);
  if (l === undefined) return [];
  const n = l.value.length;
  if (start < 0) start = n + start;
  if (end < 0) end = n + end;
  if (start < 0) start = 0;
  if (start > end || start >= n) return [];
  return l.value.slice(start, Math.min(end, n - 1) + 1);
}

/**
 * BLPOP / BRPOP key [key ...] timeout, as blockingPopGenericCommand: the timeout is read first,
 * then the first non-empty list answers [key, element]; when all are empty the client blocks
 * (the node holds it, see blocking.ts), except inside a script, which answers nil at once.
 */
function blockingPop(tx: Tx, argv: readonly string[], left: boolean): RedisReply {
  const ms = blockingTimeoutMs(argv[argv.length - 1]);
  const keys = argv.slice(1, -1);
  for (const key of keys) {
    const l = tx.getList(key);
    if (l !== undefined) return [key, take(tx, key, l, 1, left)[0]];
  }
  if (tx.inScript) return null;
  // A deadline past LLONG_MAX wraps negative in C and sorts last in the timeout table: never.
  const at = ms === 0n ? null : ms + BigInt(tx.now);
  tx.blocked = { keys, left, deadline: at === null || at > 9223372036854775807n ? null : Number(at) };
  return null;
}

/** The list commands. */
export const LIST_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  lpush: { arity: -3, write: true, run: (tx, argv) => push(tx, argv, true) },
  rpush: { arity: -3, write: true, run: (tx, argv) => push(tx, argv, false) },
  lpop: { arity: -2, write: true, run: (tx, argv) => pop(tx, argv, true) },
  rpop: { arity: -2, write: true, run: (tx, argv) => pop(tx, argv, false) },
  llen: { arity: 2, write: false, run: (tx, argv) => tx.getList(argv[1])?.value.length ?? 0 },
  lrange: { arity: 4, write: false, run: lrange },
  blpop: { arity: -3, write: true, run: (tx, argv) => blockingPop(tx, argv, true) },
  brpop: { arity: -3, write: true, run: (tx, argv) => blockingPop(tx, argv, false) },
};
