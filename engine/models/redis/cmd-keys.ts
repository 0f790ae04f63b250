import { err, I64_MAX, I64_MIN, intArg, invalidExpire, type RedisReply } from './keyspace';
import type { CommandSpec, Tx } from './tx';

/** EXPIRE / PEXPIRE with Redis 7's NX | XX | GT | LT, as expireGenericCommand. */
function expire(tx: Tx, argv: readonly string[], seconds: boolean): RedisReply {
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
    else return err(`ERR Unsupported option ${argv[j]}`);
  }
  if (nx && (xx || gt || lt)) return err('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (gt && lt) return err('ERR GT and LT options at the same time are not compatible');
  let when = intArg(argv[2]);
  if (seconds) {
    if (when > I64_MAX / 1000n || when < I64_MIN / 1000n) return invalidExpire(cmd);
    when *= 1000n;
  }
  if (when > I64_MAX - BigInt(tx.now)) return invalidExpire(cmd);
  when += BigInt(tx.now);
  const e = tx.get(argv[1]);
  if (e === undefined) return 0;
  const at = Number(when);
  const cur = e.expireAt;
  if (nx && cur !== null) return 0;
  if (xx && cur === null) return 0;
  if (gt && (cur === null || at <= cur)) return 0;
  if (lt && cur !== null && at >= cur) return 0;
  // A deadline already passed deletes the key at once (checkAlreadyExpired: when <= now).
  if (at <= tx.now) tx.put(argv[1], undefined);
  else tx.put(argv[1], { ...e, expireAt: at });
  return 1;
}

function ttl(tx: Tx, key: string, ms: boolean): RedisReply {
  const e = tx.get(key);
  if (e === undefined) return -2;
  if (e.expireAt === null) return -1;
  const left = Math.max(0, e.expireAt - tx.now);
  return ms ? left : Math.floor((left + 500) / 1000);
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
      return e === undefined ? 'none' : e.type === 'hash' ? 'hash' : 'string';
    },
  },
  dbsize: { arity: 1, write: false, run: (tx) => tx.size },
  expire: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, true) },
  pexpire: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, false) },
  persist: {
    arity: 2,
    write: true,
    run: (tx, argv) => {
      const e = tx.get(argv[1]);
      if (e === undefined || e.expireAt === null) return 0;
      tx.put(argv[1], { ...e, expireAt: null });
      return 1;
    },
  },
  ttl: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], false) },
  pttl: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], true) },
};
