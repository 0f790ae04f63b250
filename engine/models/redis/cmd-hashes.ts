import { addI64, intArg, intReply, keepExpiry, parseI64 } from './int64';
import { at, HASH_NOT_INT, OVERFLOW, own, withKey, wrongArgs } from './keyspace';
import type { CommandSpec } from './tx';

/** The hash commands. */
export const HASH_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  hset: {
    arity: -4,
    write: true,
    run: (tx, argv) => {
      if (argv.length % 2 !== 0) return wrongArgs('hset');
      const h = tx.getHash(argv[1]);
      let value: Record<string, string> = { ...h?.value };
      let added = 0;
      for (let j = 2; j < argv.length; j += 2) {
        if (!own(value, argv[j])) added++;
        value = withKey(value, argv[j], argv[j + 1]);
      }
      tx.put(argv[1], { type: 'hash', value, ...keepExpiry(h) });
      return added;
    },
  },
  hget: { arity: 3, write: false, run: (tx, argv) => at(tx.getHash(argv[1])?.value, argv[2]) ?? null },
  hexists: { arity: 3, write: false, run: (tx, argv) => (at(tx.getHash(argv[1])?.value, argv[2]) === undefined ? 0 : 1) },
  hlen: { arity: 2, write: false, run: (tx, argv) => Object.keys(tx.getHash(argv[1])?.value ?? {}).length },
  // The record's order: insertion order, as Redis's listpack keeps it (integer-like field names
  // come first, ascending, as JavaScript orders them); a real hash table's order is not modelled.
  hgetall: {
    arity: 2,
    write: false,
    run: (tx, argv) => Object.entries(tx.getHash(argv[1])?.value ?? {}).flat(),
  },
  hkeys: { arity: 2, write: false, run: (tx, argv) => Object.keys(tx.getHash(argv[1])?.value ?? {}) },
  hvals: { arity: 2, write: false, run: (tx, argv) => Object.values(tx.getHash(argv[1])?.value ?? {}) },
  hdel: {
    arity: -3,
    write: true,
    run: (tx, argv) => {
      const h = tx.getHash(argv[1]);
      if (h === undefined) return 0;
      let value = h.value;
      let n = 0;
      for (const f of argv.slice(2)) {
        if (own(value, f)) {
          value = withKey(value, f, undefined);
          n++;
        }
      }
      // Redis deletes a hash whose last field goes.
      if (n > 0) tx.put(argv[1], Object.keys(value).length === 0 ? undefined : { ...h, value });
      return n;
    },
  },
  hincrby: {
    arity: 4,
    write: true,
    run: (tx, argv) => {
      const by = intArg(argv[3]);
      const h = tx.getHash(argv[1]);
      const old = at(h?.value, argv[2]);
      const cur = old === undefined ? 0 : parseI64(old);
      if (cur === null) return HASH_NOT_INT;
      const next = addI64(cur, by);
      if (next === null) return OVERFLOW;
      tx.put(argv[1], { type: 'hash', value: withKey(h?.value ?? {}, argv[2], String(next)), ...keepExpiry(h) });
      return intReply(next);
    },
  },
};
