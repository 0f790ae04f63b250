import { isConnectionClosed, type ConnectionClosed } from '../../engine/core/connection';
import { dbQuery, type DbResult, type DbResultMsg, type DbRow, type DbStmt } from '../../engine/clients/sql/messages';
import type { Msg } from '../../engine/core/msg';
import type { Ctx } from '../../engine/core/types';
import { dbModel } from '../../engine/models/db/model';
import { dbParams } from '../../engine/models/db/params';
import type { DbState } from '../../engine/models/db/state';

interface Timer {
  at: number;
  id: number;
  payload: unknown;
}

/** The database's name on both sides (the model names it after its node). */
export const DATABASE = 'conformance';

/**
 * The db node model driven directly, on virtual time: each script session is a client node of
 * its own (so closing one is that node's connection ending), statements go through the model's
 * message handler, and `advance` fires its timers (lock wait timeouts) in order.
 */
export class ModelDb {
  state: DbState;
  private t = 0;
  private timers: Timer[] = [];
  private nextId = 1;
  private readonly results = new Map<string, DbResult[]>();
  private readonly ctx: Ctx;

  constructor(tables: Record<string, DbRow[]>, lockWaitTimeoutMs: number) {
    this.ctx = this.makeCtx();
    this.state = dbModel.init(dbParams.parse({ tables, lockWaitTimeoutMs }));
    this.state = dbModel.start!(this.state, this.ctx);
  }

  /** Sends `stmt` on `session`; its result if it came at once, else undefined (it waits for a lock). */
  call(session: string, stmt: DbStmt): DbResult | undefined {
    this.state = dbModel.onMessage(this.state, dbQuery(this.nextId++, stmt), session, this.ctx);
    return this.take(session);
  }

  /** The result `session` got and has not taken, if any. */
  take(session: string): DbResult | undefined {
    return this.results.get(session)?.shift();
  }

  /** Lets virtual time run, timer by timer, until `session` gets a result; undefined if none ever comes. */
  runUntilResult(session: string): DbResult | undefined {
    for (;;) {
      const got = this.take(session);
      if (got !== undefined) return got;
      const next = this.timers.reduce<Timer | undefined>((a, x) => (a === undefined || x.at < a.at ? x : a), undefined);
      if (next === undefined) return undefined;
      this.advance(next.at - this.t);
    }
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
      this.state = dbModel.onTimer!(this.state, fire.payload, this.ctx);
    }
    this.t = end;
  }

  /** Session `session`'s client drops its connection. */
  close(session: string): void {
    const closed: ConnectionClosed = { type: 'net.closed', reason: 'eof', conn: 1 };
    this.state = dbModel.onMessage(this.state, closed, session, this.ctx);
    this.results.delete(session);
  }

  /** The server is killed and started again: its durable part survives, its timers and sessions do not. */
  restart(): void {
    this.timers = [];
    this.results.clear();
    this.state = dbModel.start!(dbModel.crash!(this.state, {}), this.ctx);
  }

  private makeCtx(): Ctx {
    const clock = () => this.t;
    return {
      get now() {
        return clock();
      },
      get monotonic() {
        return clock();
      },
      self: DATABASE,
      disconnect: () => {},
      send: (to: string, msg: Msg) => this.onSend(to, msg),
      reply: () => {
        throw new Error('the db model answers with send, to the session it names');
      },
      setTimer: (delayMs: number, payload: unknown) => {
        const id = this.nextId++;
        this.timers.push({ at: this.t + Math.max(0, delayMs), id, payload });
        return id;
      },
      cancelTimer: (id: number) => {
        this.timers = this.timers.filter((x) => x.id !== id);
      },
      trace: () => {},
      random: () => 0,
      metric: () => {},
      neighbours: () => [],
      typeOf: () => undefined,
    };
  }

  private onSend(to: string, msg: Msg): void {
    if (isConnectionClosed(msg)) return;
    if (msg.type !== 'db.result') throw new Error(`the model sent an unexpected ${msg.type}`);
    const q = this.results.get(to) ?? [];
    q.push((msg as DbResultMsg).result);
    this.results.set(to, q);
  }
}
