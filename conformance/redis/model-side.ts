import { redisCmd, type RedisPushMsg, type RedisReply, type RedisReplyMsg } from '../../engine/clients/redis/protocol';
import type { Msg } from '../../engine/core/msg';
import type { TraceData, TraceType } from '../../engine/core/trace-types';
import type { Ctx } from '../../engine/core/types';
import { exec } from '../../engine/models/redis/commands';
import { redisModel } from '../../engine/models/redis/model';
import { redisParams } from '../../engine/models/redis/params';
import type { RedisState } from '../../engine/models/redis/state';

interface Timer {
  at: number;
  id: number;
  payload: unknown;
}

/** A reply the node sent after the command's own handler returned (a blocking pop), and when. */
export interface LateReply {
  reply: RedisReply;
  at: number;
}

/** Everything a ModelServer holds: plain data, so a copy is a deep clone. */
interface Snapshot {
  state: RedisState;
  t: number;
  timers: Timer[];
  nextId: number;
  pushes: [string, RedisReply[]][];
  late: [string, LateReply[]][];
  connOf: [number, string][];
}

/** The client node the scripts' connections belong to (redis-cli with one connection per `@name`). */
const CLIENT = 'cli';

/**
 * The Redis node model driven directly, on virtual time: commands go through its message
 * handler (so Pub/Sub pushes, blocking pops and the active expiry cycle run as in a
 * simulation), each script connection is a connection of one client node (so subscribed mode
 * binds it as on a real server), and `advance` fires the node's timers in order.
 */
export class ModelServer {
  state: RedisState;
  private t: number;
  private timers: Timer[] = [];
  private nextId = 1;
  /** The request being handled, whose reply `call` returns. */
  private current = -1;
  private replies: RedisReply[] = [];
  private readonly pushes = new Map<string, RedisReply[]>();
  private readonly late = new Map<string, LateReply[]>();
  /** Request id -> the connection it came on, for replies sent later. */
  private readonly connOf = new Map<number, string>();
  private readonly ctx: Ctx;

  constructor(startMs: number, params: unknown = {}, from?: Snapshot) {
    this.t = startMs;
    this.ctx = this.makeCtx();
    if (from) {
      const copy = structuredClone(from);
      this.state = copy.state;
      this.t = copy.t;
      this.timers = copy.timers;
      this.nextId = copy.nextId;
      for (const [k, v] of copy.pushes) this.pushes.set(k, v);
      for (const [k, v] of copy.late) this.late.set(k, v);
      for (const [k, v] of copy.connOf) this.connOf.set(k, v);
      return;
    }
    this.state = redisModel.init(redisParams.parse(params));
    this.state = redisModel.start!(this.state, this.ctx);
  }

  get now(): number {
    return this.t;
  }

  /** An independent copy, to try the same command at another instant. */
  fork(): ModelServer {
    return new ModelServer(this.t, undefined, {
      state: this.state,
      t: this.t,
      timers: this.timers,
      nextId: this.nextId,
      pushes: [...this.pushes],
      late: [...this.late],
      connOf: [...this.connOf],
    });
  }

  /**
   * Runs one command from connection `conn` and returns its reply, or undefined when the node
   * holds it (a blocking pop): its reply comes later, from `lateReply` or `runUntilReply`.
   */
  call(conn: string, argv: readonly string[]): RedisReply | undefined {
    this.replies = [];
    const id = this.nextId++;
    this.current = id;
    this.connOf.set(id, conn);
    this.state = redisModel.onMessage(this.state, redisCmd(id, argv, conn), CLIENT, this.ctx);
    this.current = -1;
    if (this.replies.length > 1) throw new Error(`the model sent ${this.replies.length} replies to ${argv.join(' ')}`);
    return this.replies.length === 1 ? this.replies[0] : undefined;
  }

  /** The reply the node sent `conn` after its command returned, if one came. */
  lateReply(conn: string): LateReply | undefined {
    return this.late.get(conn)?.shift();
  }

  /** Lets virtual time run, timer by timer, until `conn` gets its late reply; undefined if none ever comes. */
  runUntilReply(conn: string): LateReply | undefined {
    for (;;) {
      const got = this.lateReply(conn);
      if (got !== undefined) return got;
      const next = this.nextTimerAt();
      if (next === undefined) return undefined;
      this.advanceTo(next);
    }
  }

  /** What a command would reply now, without running it on the node (for tolerances). */
  peek(argv: readonly string[]): RedisReply {
    return exec(this.state.data, this.t, argv, { client: CLIENT }).reply;
  }

  /** The next Pub/Sub message delivered to `conn`, as RESP2's ["message", channel, text]. */
  recv(conn: string): RedisReply | null {
    return this.pushes.get(conn)?.shift() ?? null;
  }

  /** Every Pub/Sub message `conn` got and nobody took with `recv`. */
  unreceived(conn: string): RedisReply[] {
    const left = this.pushes.get(conn) ?? [];
    this.pushes.set(conn, []);
    return left;
  }

  /** Moves the clock forward to `t` (never back), firing due timers. */
  advanceTo(t: number): void {
    if (t > this.t) this.advance(t - this.t);
  }

  /** Lets `ms` of virtual time pass, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const x of this.timers) if (x.at <= end && (next === undefined || x.at < next.at || (x.at === next.at && x.id < next.id))) next = x;
      if (next === undefined) break;
      const fire = next;
      this.timers = this.timers.filter((x) => x !== fire);
      this.t = Math.max(this.t, fire.at);
      this.state = redisModel.onTimer!(this.state, fire.payload, this.ctx);
    }
    this.t = end;
  }

  private nextTimerAt(): number | undefined {
    let at: number | undefined;
    for (const x of this.timers) if (at === undefined || x.at < at) at = x.at;
    return at;
  }

  private makeCtx(): Ctx {
    const clock = () => this.t;
    return {
      get now() {
        return clock();
      },
      // The conformance model never has its clock stepped, so both clocks read the same.
      get monotonic() {
        return clock();
      },
      self: 'redis',
      disconnect: () => {},
      send: (to: string, msg: Msg) => this.onSend(to, msg),
      reply: (msg: Msg) => this.onSend(CLIENT, msg),
      setTimer: (delayMs: number, payload: unknown) => {
        const id = this.nextId++;
        this.timers.push({ at: this.t + Math.max(0, delayMs), id, payload });
        return id;
      },
      cancelTimer: (id: number) => {
        this.timers = this.timers.filter((x) => x.id !== id);
      },
      trace: <K extends TraceType>(_type: K, _data: TraceData<K>) => {},
      random: () => 0,
      metric: () => {},
      neighbours: () => [],
      typeOf: () => undefined,
    };
  }

  private onSend(to: string, msg: Msg): void {
    if (to !== CLIENT) throw new Error(`the model sent ${msg.type} to ${to}`);
    if (msg.type === 'redis.reply') {
      const r = msg as RedisReplyMsg;
      if (r.id === this.current) this.replies.push(r.reply);
      else {
        const conn = this.connOf.get(r.id);
        if (conn === undefined) throw new Error(`the model replied to an unknown request ${r.id}`);
        const q = this.late.get(conn) ?? [];
        q.push({ reply: r.reply, at: this.t });
        this.late.set(conn, q);
      }
    } else if (msg.type === 'redis.push') {
      const p = msg as RedisPushMsg;
      const conn = p.conn ?? '';
      const q = this.pushes.get(conn) ?? [];
      q.push(['message', p.channel, p.message]);
      this.pushes.set(conn, q);
    } else throw new Error(`the model sent an unexpected ${msg.type}`);
  }
}
