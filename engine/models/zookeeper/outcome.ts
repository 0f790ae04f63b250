import type { ZkMsg } from '../../clients/zookeeper/messages';
import type { ZkOp, ZkOpResult } from '../../clients/zookeeper/types';
import type { Ctx } from '../../core/types';
import type { ZkExecResult, ZkNotification, ZkServerState } from './zk/state';

// What a server says and sends once a request has run on its tree: the trace events of the
// outcome and the watch events. A single server runs a request at once (model.ts); an ensemble
// member runs a write when its commit arrives (quorum/), so both share these.

/** Sends a ZooKeeper message (typed, so a misspelt field is caught). */
export function send(ctx: Ctx, to: string, m: ZkMsg): void {
  ctx.send(to, m);
}

/** A committed multi's writes, traced one by one under its single zxid. */
function traceMulti(op: Extract<ZkOp, { op: 'multi' }>, results: readonly ZkOpResult[], session: string, zxid: number, ctx: Ctx): void {
  op.ops.forEach((sub, i) => {
    const r = results[i];
    if (sub.op === 'create' && r?.op === 'create') ctx.trace('zk.create', { session, path: r.path, kind: sub.kind, zxid });
    else if (sub.op === 'delete') ctx.trace('zk.delete', { session, path: sub.path, zxid, cause: 'request' });
    else if (sub.op === 'setData' && r?.op === 'setData') ctx.trace('zk.setData', { session, path: sub.path, version: r.stat.version, zxid });
  });
}

/** How many watches a SetWatches request lists. */
function restoredCount(op: Extract<ZkOp, { op: 'setWatches' }>): number {
  return op.data.length + op.exist.length + op.child.length + op.persistent.length + op.recursive.length;
}

function watchKind(o: ZkOp): 'data' | 'exists' | 'child' | null {
  if (o.op === 'getData' && o.watch) return 'data';
  if (o.op === 'exists' && o.watch) return 'exists';
  if (o.op === 'getChildren' && o.watch) return 'child';
  return null;
}

/** Traces what a request (other than closeSession) did to the tree, or why it was refused. */
export function traceOutcome(op: ZkOp, r: ZkExecResult, session: string, ctx: Ctx): void {
  if (r.result.ok) {
    if (op.op === 'create') ctx.trace('zk.create', { session, path: r.result.path!, kind: op.kind, zxid: r.zxid });
    else if (op.op === 'delete') ctx.trace('zk.delete', { session, path: op.path, zxid: r.zxid, cause: 'request' });
    else if (op.op === 'setData') ctx.trace('zk.setData', { session, path: op.path, version: r.result.stat!.version, zxid: r.zxid });
    else if (op.op === 'addWatch') ctx.trace('zk.watch.set', { session, path: op.path, kind: op.mode });
    else if (op.op === 'removeWatches') ctx.trace('zk.watch.removed', { session, path: op.path, which: op.type });
    else if (op.op === 'multi') traceMulti(op, r.result.results ?? [], session, r.zxid, ctx);
    else if (op.op === 'setWatches') ctx.trace('zk.watch.restored', { session, watches: restoredCount(op), fired: r.notes.length });
    const wk = watchKind(op);
    if (wk && 'path' in op) ctx.trace('zk.watch.set', { session, path: op.path, kind: wk });
  } else {
    const write = op.op === 'create' || op.op === 'delete' || op.op === 'setData' || op.op === 'multi';
    ctx.trace('zk.error', { session, op: op.op, path: 'path' in op ? op.path : '', err: r.result.err, zxid: write ? r.zxid : null });
  }
}

/**
 * Sends watch events to their sessions' connections. `closing` is a session that has just closed
 * on its own request: its connection stays open until the reply, so it hears the events its own
 * ephemerals' deletion fired (before Closed), as a real server sends them.
 */
export function deliver(core: ZkServerState, notes: readonly ZkNotification[], ctx: Ctx, closing?: { session: string; client: string; conn: number }): void {
  for (const n of notes) {
    const sess = core.sessions[n.session];
    const own = closing !== undefined && closing.session === n.session;
    // No open connection: the event is lost; the client's SetWatches on reconnect catches up.
    const to = own ? closing.client : (sess?.client ?? null);
    const conn = own ? closing.conn : (sess?.conn ?? null);
    ctx.trace('zk.watch.fired', { session: n.session, path: n.event.path, event: n.event.type, zxid: n.zxid, delivered: to !== null && conn !== null });
    if (to === null || conn === null) continue;
    send(ctx, to, { type: 'zk.watch', conn, event: n.event, zxid: n.zxid });
  }
}
