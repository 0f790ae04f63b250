import type { RedisReply } from '../../clients/redis/protocol';
import { at, isExpired, own, ReplyError, withKey, WRONGTYPE, type Published, type RedisData, type RedisEntry, type RedisHashEntry, type RedisListEntry } from './keyspace';

/** A blocking pop that found every list empty: the node holds the client until one fills or time runs out. */
export interface BlockRequest {
  keys: string[];
  /** Pop from the head (BLPOP) or the tail (BRPOP). */
  left: boolean;
  /** Deadline on the server's clock (whole ms), or null to wait forever. */
  deadline: number | null;
}

export interface ExecResult {
  data: RedisData;
  reply: RedisReply;
  /** Keys the command found past their TTL and deleted (passive expiry). */
  expired?: string[];
  /** Messages PUBLISH sent (directly or from a script), with their receivers. */
  published?: Published[];
  /** Lists the command pushed to: clients blocked on them may now be served. */
  ready?: string[];
  /** Set when the command blocks; `reply` is then not sent. */
  blocked?: BlockRequest;
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
  readonly ready: string[] = [];
  blocked: BlockRequest | undefined;
  /** Inside a script, where a blocking command cannot block (it answers as on a timeout). */
  inScript = false;

  constructor(
    private readonly base: RedisData,
    /** Server time in whole ms, as Redis's mstime(): what TTL arithmetic uses. */
    readonly now: number,
    /** Server time with its fraction, for TIME's microseconds. */
    readonly rawNow: number,
    /** Who subscribes: the client node, or one of its connections (see `subscriberOf`). */
    readonly subscriber: string,
    /** Whether the command came on a connection of its own, which subscribed mode binds. */
    readonly onConnection: boolean,
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

  /** The live string value at `key`; WRONGTYPE for another type. */
  getString(key: string): string | undefined {
    const e = this.get(key);
    if (e === undefined) return undefined;
    if (e.type !== undefined && e.type !== 'string') throw new ReplyError(WRONGTYPE);
    return e.value;
  }

  /** The live list at `key`; WRONGTYPE for another type. */
  getList(key: string): RedisListEntry | undefined {
    const e = this.get(key);
    if (e === undefined) return undefined;
    if (e.type !== 'list') throw new ReplyError(WRONGTYPE);
    return e;
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

  /** How many channels this command's subscriber is subscribed to. */
  get subscriptions(): number {
    let n = 0;
    for (const ch in this.subs) if (this.subs[ch].includes(this.subscriber)) n++;
    return n;
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
    if (this.ready.length > 0) out.ready = this.ready;
    if (this.blocked !== undefined) out.blocked = this.blocked;
    return out;
  }
}

/** A command's implementation: reads and writes through the Tx, returns the reply (or throws ReplyError). */
export type Run = (tx: Tx, argv: readonly string[]) => RedisReply;

export interface CommandSpec {
  /** Redis arity: n > 0 exactly n words (name included), n < 0 at least -n. */
  arity: number;
  write: boolean;
  run: Run;
}
