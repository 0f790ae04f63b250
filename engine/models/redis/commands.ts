import {
  at,
  err,
  expiry,
  HASH_NOT_INT,
  I64_MAX,
  I64_MIN,
  invalidExpire,
  isExpired,
  NOT_INT,
  OVERFLOW,
  own,
  parseI64,
  READONLY,
  ReplyError,
  SYNTAX,
  withKey,
  wrongArgs,
  WRONGTYPE,
  type Published,
  type RedisData,
  type RedisEntry,
  type RedisHashEntry,
  type RedisReply,
} from './keyspace';
import { runScript, SCRIPTS } from './scripts';

export type { Published, RedisData, RedisEntry, RedisHashEntry, RedisReply, RedisStringEntry } from './keyspace';
export { formatReply } from './format-reply';

export interface ExecOptions {
  /** The client node issuing the command: Pub/Sub subscriptions are per client. Default "client". */
  client?: string;
  /**
   * Run as a read-only replica: writes get READONLY, and a key past its TTL reads as missing but
   * is not deleted (a replica waits for its primary's DEL).
   */
  replica?: boolean;
}

export interface ExecResult {
  data: RedisData;
  reply: RedisReply;
  /** Keys the command found past their TTL and deleted (passive expiry). */
  expired?: string[];
  /** Messages PUBLISH sent (directly or from a script), with their receivers. */
  published?: Published[];
}

/**
 * One command's view of the data: reads see the latest writes; the first write copies the
 * key record, so the data passed to `exec` is never mutated.
 */
export class Tx {
  private keys: Readonly<Record<string, RedisEntry>>;
  private subsRec: Readonly<Record<string, readonly string[]>> | undefined;
  private changed = false;
  readonly expired: string[] = [];
  readonly published: Published[] = [];

  constructor(
    private readonly base: RedisData,
    /** Server time in whole ms, as Redis's mstime(): what TTL arithmetic uses. */
    readonly now: number,
    /** Server time with its fraction, for TIME's microseconds. */
    readonly rawNow: number,
    readonly client: string,
    readonly replica: boolean,
  ) {
    this.keys = base.keys;
    this.subsRec = base.subs;
  }

  /** The live entry at `key`. An expired one is deleted (on a primary) and reads as missing. */
  get(key: string): RedisEntry | undefined {
    const e = at(this.keys, key);
    if (e === undefined) return undefined;
    if (isExpired(e, this.now)) {
      if (!this.replica) {
        this.put(key, undefined);
        this.expired.push(key);
      }
      return undefined;
    }
    return e;
  }

  /** The live string value at `key`; WRONGTYPE for a hash. */
  getString(key: string): string | undefined {
    const e = this.get(key);
    if (e === undefined) return undefined;
    if (e.type === 'hash') throw new ReplyError(WRONGTYPE);
    return e.value;
  }

  /** The live hash at `key`; WRONGTYPE for a string. */
  getHash(key: string): RedisHashEntry | undefined {
    const e = this.get(key);
    if (e === undefined) return undefined;
    if (e.type !== 'hash') throw new ReplyError(WRONGTYPE);
    return e;
  }

  put(key: string, entry: RedisEntry | undefined): void {
    if (entry === undefined && !own(this.keys, key)) return;
    this.keys = withKey(this.keys, key, entry);
    this.changed = true;
  }

  get subs(): Readonly<Record<string, readonly string[]>> {
    return this.subsRec ?? {};
  }

  setSubs(channel: string, clients: readonly string[]): void {
    this.subsRec = withKey(this.subs, channel, clients.length > 0 ? clients : undefined);
    this.changed = true;
  }

  /** Number of keys stored, including ones past their TTL not yet removed (as DBSIZE counts). */
  get size(): number {
    return Object.keys(this.keys).length;
  }

  result(reply: RedisReply): ExecResult {
    const data: RedisData = !this.changed ? this.base : this.subsRec === undefined ? { keys: this.keys } : { keys: this.keys, subs: this.subsRec };
    const out: ExecResult = { data, reply };
    if (this.expired.length > 0) out.expired = this.expired;
    if (this.published.length > 0) out.published = this.published;
    return out;
  }
}

type Run = (tx: Tx, argv: readonly string[]) => RedisReply;

interface CommandSpec {
  /** Redis arity: n > 0 exactly n words (name included), n < 0 at least -n. */
  arity: number;
  write: boolean;
  run: Run;
}

const ARG_LUA_MSG = 'ERR Unknown Redis command called from script';

/** Milliseconds of an expiry argument, as Redis's getExpireMillisecondsOrReply (SET family). */
function expireFromArg(arg: string, seconds: boolean, relative: boolean, now: number, cmd: string): number {
  const v = parseI64(arg);
  if (v === null) throw new ReplyError(NOT_INT);
  if (v <= 0n || (seconds && v > I64_MAX / 1000n)) throw new ReplyError(invalidExpire(cmd));
  let ms = seconds ? v * 1000n : v;
  if (relative) ms += BigInt(now);
  // In C the sum wraps to a negative number, which Redis then refuses.
  if (ms > I64_MAX || ms <= 0n) throw new ReplyError(invalidExpire(cmd));
  return Number(ms);
}

function set(tx: Tx, argv: readonly string[]): RedisReply {
  const [, key, value] = argv;
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let unit: 'ex' | 'px' | 'exat' | 'pxat' | null = null;
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
  o: { nx?: boolean; xx?: boolean; get?: boolean; keepTtl?: boolean; unit: 'ex' | 'px' | 'exat' | 'pxat' | null; expireArg: string },
  cmd: string,
): RedisReply {
  const expireAt = o.unit === null ? null : expireFromArg(o.expireArg, o.unit === 'ex' || o.unit === 'exat', o.unit === 'ex' || o.unit === 'px', tx.now, cmd);
  const prev = o.get ? (tx.getString(key) ?? null) : null;
  const old = tx.get(key);
  if ((o.nx && old) || (o.xx && !old)) return prev;
  tx.put(key, { type: 'string', value, ...(o.keepTtl && old ? expiry(old.expireAt, tx.now, old.ttlMs) : expiry(expireAt, tx.now)) });
  return o.get ? prev : 'OK';
}

function incrBy(tx: Tx, key: string, by: bigint): RedisReply {
  const e = tx.get(key);
  if (e?.type === 'hash') throw new ReplyError(WRONGTYPE);
  const cur = e === undefined ? 0n : parseI64(e.value);
  if (cur === null) throw new ReplyError(NOT_INT);
  const next = cur + by;
  if (next > I64_MAX || next < I64_MIN) throw new ReplyError(OVERFLOW);
  // Redis overwrites the value in place: the TTL stays.
  tx.put(key, { type: 'string', value: next.toString(), ...expiry(e?.expireAt ?? null, tx.now, e?.ttlMs) });
  return Number(next);
}

function int(arg: string): bigint {
  const v = parseI64(arg);
  if (v === null) throw new ReplyError(NOT_INT);
  return v;
}

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
  let when = int(argv[2]);
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
  else tx.put(argv[1], { ...e, ...expiry(at, tx.now) });
  return 1;
}

function ttl(tx: Tx, key: string, ms: boolean): RedisReply {
  const e = tx.get(key);
  if (e === undefined) return -2;
  if (e.expireAt === null) return -1;
  const left = Math.max(0, e.expireAt - tx.now);
  return ms ? left : Math.floor((left + 500) / 1000);
}

function subscribedCount(tx: Tx): number {
  let n = 0;
  for (const ch in tx.subs) if (tx.subs[ch].includes(tx.client)) n++;
  return n;
}

/** One frame per channel, as RESP2 sends them; a single frame when there is one channel. */
function frames(list: RedisReply[]): RedisReply {
  return list.length === 1 ? list[0] : list;
}

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  ping: {
    arity: -1,
    write: false,
    run: (_tx, argv) => {
      if (argv.length > 2) return wrongArgs('ping');
      return argv.length === 2 ? argv[1] : 'PONG';
    },
  },
  get: { arity: 2, write: false, run: (tx, argv) => tx.getString(argv[1]) ?? null },
  set: { arity: -3, write: true, run: set },
  setex: { arity: 4, write: true, run: (tx, argv) => setGeneric(tx, argv[1], argv[3], { unit: 'ex', expireArg: argv[2] }, 'setex') },
  psetex: { arity: 4, write: true, run: (tx, argv) => setGeneric(tx, argv[1], argv[3], { unit: 'px', expireArg: argv[2] }, 'psetex') },
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
  incr: { arity: 2, write: true, run: (tx, argv) => incrBy(tx, argv[1], 1n) },
  decr: { arity: 2, write: true, run: (tx, argv) => incrBy(tx, argv[1], -1n) },
  incrby: { arity: 3, write: true, run: (tx, argv) => incrBy(tx, argv[1], int(argv[2])) },
  expire: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, true) },
  pexpire: { arity: -3, write: true, run: (tx, argv) => expire(tx, argv, false) },
  persist: {
    arity: 2,
    write: true,
    run: (tx, argv) => {
      const e = tx.get(argv[1]);
      if (e === undefined || e.expireAt === null) return 0;
      const { ttlMs: _, ...kept } = e;
      tx.put(argv[1], { ...kept, expireAt: null });
      return 1;
    },
  },
  ttl: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], false) },
  pttl: { arity: 2, write: false, run: (tx, argv) => ttl(tx, argv[1], true) },
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
      tx.put(argv[1], { type: 'hash', value, ...expiry(h?.expireAt ?? null, tx.now, h?.ttlMs) });
      return added;
    },
  },
  hget: { arity: 3, write: false, run: (tx, argv) => at(tx.getHash(argv[1])?.value, argv[2]) ?? null },
  hexists: { arity: 3, write: false, run: (tx, argv) => (at(tx.getHash(argv[1])?.value, argv[2]) === undefined ? 0 : 1) },
  hlen: { arity: 2, write: false, run: (tx, argv) => Object.keys(tx.getHash(argv[1])?.value ?? {}).length },
  hgetall: {
    arity: 2,
    write: false,
    run: (tx, argv) => Object.entries(tx.getHash(argv[1])?.value ?? {}).flat(),
  },
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
      const by = int(argv[3]);
      const h = tx.getHash(argv[1]);
      const old = at(h?.value, argv[2]);
      const cur = old === undefined ? 0n : parseI64(old);
      if (cur === null) return HASH_NOT_INT;
      const next = cur + by;
      if (next > I64_MAX || next < I64_MIN) return OVERFLOW;
      tx.put(argv[1], { type: 'hash', value: withKey(h?.value ?? {}, argv[2], next.toString()), ...expiry(h?.expireAt ?? null, tx.now, h?.ttlMs) });
      return Number(next);
    },
  },
  publish: {
    arity: 3,
    write: false,
    run: (tx, argv) => {
      const to = [...(at(tx.subs, argv[1]) ?? [])];
      tx.published.push({ channel: argv[1], message: argv[2], to });
      return to.length;
    },
  },
  subscribe: {
    arity: -2,
    write: false,
    run: (tx, argv) => {
      const out: RedisReply[] = [];
      for (const ch of argv.slice(1)) {
        const list = at(tx.subs, ch) ?? [];
        if (!list.includes(tx.client)) tx.setSubs(ch, [...list, tx.client]);
        out.push(['subscribe', ch, subscribedCount(tx)]);
      }
      return frames(out);
    },
  },
  unsubscribe: {
    arity: -1,
    write: false,
    run: (tx, argv) => {
      const channels = argv.length > 1 ? argv.slice(1) : Object.keys(tx.subs).filter((ch) => tx.subs[ch].includes(tx.client));
      if (channels.length === 0) return ['unsubscribe', null, 0];
      const out: RedisReply[] = [];
      for (const ch of channels) {
        const list = at(tx.subs, ch) ?? [];
        if (list.includes(tx.client)) tx.setSubs(ch, list.filter((c) => c !== tx.client));
        out.push(['unsubscribe', ch, subscribedCount(tx)]);
      }
      return frames(out);
    },
  },
  time: {
    arity: 1,
    write: false,
    run: (tx) => {
      const sec = Math.floor(tx.rawNow / 1000);
      const us = Math.floor(tx.rawNow * 1000) - sec * 1_000_000;
      return [String(sec), String(us)];
    },
  },
  fcall: {
    arity: -3,
    write: true,
    run: (tx, argv) => {
      const name = argv[1];
      const script = at(SCRIPTS, name);
      if (script === undefined) return err('ERR Function not found');
      const numkeys = int(argv[2]);
      if (numkeys > BigInt(argv.length - 3)) return err("ERR Number of keys can't be greater than number of args");
      if (numkeys < 0n) return err("ERR Number of keys can't be negative");
      const n = Number(numkeys);
      return runScript(name, script, argv.slice(3, 3 + n), argv.slice(3 + n), (a) => dispatch(tx, a, true));
    },
  },
};

/** Names of the commands the model knows, lower case. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** Whether `name` is a command that writes (a replica refuses it with READONLY). */
export function isWriteCommand(name: string): boolean {
  return at(COMMANDS, name.toLowerCase())?.write ?? false;
}

function unknownCommand(argv: readonly string[]): RedisReply {
  // The same shape as Redis 7.0: at most ~128 characters of quoted arguments, each followed by a space.
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) args += `'${argv[i].slice(0, 128 - args.length)}' `;
  return err(`ERR unknown command '${argv[0].slice(0, 128)}', with args beginning with: ${args}`);
}

function dispatch(tx: Tx, argv: readonly string[], fromScript = false): RedisReply {
  if (argv.length === 0) return err('ERR empty command');
  const name = argv[0].toLowerCase();
  const spec = at(COMMANDS, name);
  if (spec === undefined || (fromScript && (name === 'fcall' || name === 'subscribe' || name === 'unsubscribe'))) {
    return fromScript ? err(ARG_LUA_MSG) : unknownCommand(argv);
  }
  if ((spec.arity > 0 && argv.length !== spec.arity) || (spec.arity < 0 && argv.length < -spec.arity)) return wrongArgs(name);
  if (tx.replica && spec.write) return READONLY;
  try {
    return spec.run(tx, argv);
  } catch (e) {
    if (e instanceof ReplyError) return e.reply;
    throw e;
  }
}

/**
 * Runs one command against the data at server time `now` (the server's own clock, ms): a pure
 * function, used by the node handler and the conformance runner alike. Returns the next data,
 * the reply, the keys it expired on access and the messages it published.
 */
export function exec(data: RedisData, now: number, argv: readonly string[], opts: ExecOptions = {}): ExecResult {
  const tx = new Tx(data, Math.floor(now), now, opts.client ?? 'client', opts.replica ?? false);
  return tx.result(dispatch(tx, argv));
}

