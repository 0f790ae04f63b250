import { CONFIG_NODE, isSystemPath, nameOf, parentOf, validPath } from '../../../clients/zookeeper/paths';
import { closeIn } from './sessions';
import { childOrder, lastZxid, statOf, type ZkExecResult, type ZkServerState, type Znode } from './state';
import { MAX_TTL, type ZkEventType, type ZkOp, type ZkOpResult, type ZkResult } from '../../../clients/zookeeper/types';
import { fail, Work } from './work';

// The requests a session sends: the writes, each a transaction with its own zxid, and the reads,
// which may set watches.

function createIn(w: Work, now: number, session: string, op: Extract<ZkOp, { op: 'create' }>, zxid: number): ZkResult {
  const seq = op.sequential === true;
  if (!validPath(seq ? `${op.path}1` : op.path)) return fail('BadArguments');
  if (op.kind === 'ttl' && (!w.s.extendedTypes || !(typeof op.ttl === 'number' && op.ttl > 0 && op.ttl <= MAX_TTL))) {
    return fail(w.s.extendedTypes ? 'BadArguments' : 'Unimplemented');
  }
  if (op.path === '/') return fail('NodeExists');
  const pp = parentOf(op.path);
  const parent = w.node(pp);
  if (!parent) return fail('NoNode');
  // The parent's ACL is checked before the name: the config node grants only READ.
  if (pp === CONFIG_NODE) return fail('NoAuth');
  const path = seq ? `${op.path}${String(parent.creates).padStart(10, '0')}` : op.path;
  if (w.node(path)) return fail('NodeExists');
  if (parent.kind === 'ephemeral') return fail('NoChildrenForEphemerals');
  const node: Znode = {
    data: op.data,
    czxid: zxid,
    mzxid: zxid,
    pzxid: zxid,
    ctime: now,
    mtime: now,
    version: 0,
    aversion: 0,
    creates: 0,
    kind: op.kind,
    owner: op.kind === 'ephemeral' ? session : null,
    ttl: op.kind === 'ttl' ? op.ttl! : 0,
    children: [],
    childMax: 0,
  };
  const children = [...parent.children, nameOf(path)];
  w.setNode(pp, { ...parent, creates: parent.creates + 1, pzxid: zxid, children, childMax: Math.max(parent.childMax, children.length) });
  w.setNode(path, node);
  if (op.kind === 'ephemeral') {
    const sess = w.session(session);
    if (sess) {
      const ephemerals = [...sess.ephemerals, path];
      w.setSession(session, { ...sess, ephemerals, ephMax: Math.max(sess.ephMax, ephemerals.length) });
    }
  } else if (op.kind === 'container') w.s.containers = [...w.s.containers, path];
  else if (op.kind === 'ttl') w.s.ttls = [...w.s.ttls, path];
  w.trigger('data', path, 'NodeCreated', zxid);
  w.trigger('child', pp, 'NodeChildrenChanged', zxid);
  return { ok: true, path, stat: statOf(node) };
}

function deleteIn(w: Work, op: { path: string; version: number }, zxid: number): ZkResult {
  if (!validPath(op.path) || isSystemPath(op.path)) return fail('BadArguments');
  const n = w.node(op.path);
  if (!n) return fail('NoNode');
  if (!versionOk(op.version, n.version)) return fail('BadVersion');
  if (n.children.length > 0) return fail('NotEmpty');
  w.deleteNode(op.path, zxid);
  return { ok: true };
}

function setIn(w: Work, now: number, op: { path: string; data: string; version: number }, zxid: number): ZkResult {
  if (!validPath(op.path)) return fail('BadArguments');
  const n = w.node(op.path);
  if (!n) return fail('NoNode');
  if (op.path === CONFIG_NODE) return fail('NoAuth');
  if (!versionOk(op.version, n.version)) return fail('BadVersion');
  const next: Znode = { ...n, data: op.data, version: n.version + 1, mzxid: zxid, mtime: now };
  w.setNode(op.path, next);
  w.trigger('data', op.path, 'NodeDataChanged', zxid);
  return { ok: true, stat: statOf(next) };
}

/**
 * A multi: one transaction, one zxid. The sub-operations run in order on the same working
 * copy, each seeing the ones before (two sequential creates get consecutive numbers); the first
 * failure throws the whole copy away, watches included, and the results say where it failed.
 */
function multi(s: ZkServerState, now: number, session: string, op: Extract<ZkOp, { op: 'multi' }>): ZkExecResult {
  const w = new Work(s);
  const zxid = w.nextZxid();
  const results: ZkOpResult[] = [];
  for (let i = 0; i < op.ops.length; i++) {
    const sub = op.ops[i];
    let r: ZkResult;
    if (sub.op === 'create') r = createIn(w, now, session, sub, zxid);
    else if (sub.op === 'delete') r = deleteIn(w, sub, zxid);
    else if (sub.op === 'setData') r = setIn(w, now, sub, zxid);
    else {
      const n = w.node(sub.path);
      r = !validPath(sub.path) ? fail('BadArguments') : !n ? fail('NoNode') : !versionOk(sub.version, n.version) ? fail('BadVersion') : { ok: true };
    }
    if (!r.ok) {
      const errs: ZkOpResult[] = op.ops.map((_, j) => ({ op: 'error', err: j < i ? 'OK' : j === i ? r.err : 'RuntimeInconsistency' }) as ZkOpResult);
      const rolled = new Work(s);
      rolled.nextZxid();
      return rolled.done({ ok: false, err: r.err, results: errs }, zxid);
    }
    results.push(sub.op === 'create' ? { op: 'create', path: r.path! } : sub.op === 'setData' ? { op: 'setData', stat: r.stat! } : { op: sub.op });
  }
  return w.done({ ok: true, results }, zxid);
}

function versionOk(expected: number, actual: number): boolean {
  return expected === -1 || expected === actual;
}

/**
 * Runs one request from `session` at server time `now`. The caller has checked that the
 * session is alive and touched it. Writes get the next zxid whether or not they succeed.
 */
export function exec(s: ZkServerState, now: number, session: string, op: ZkOp): ZkExecResult {
  const w = new Work(s);
  switch (op.op) {
    case 'create': {
      const zxid = w.nextZxid();
      return w.done(createIn(w, now, session, op, zxid), zxid);
    }
    case 'delete': {
      const zxid = w.nextZxid();
      return w.done(deleteIn(w, op, zxid), zxid);
    }
    case 'setData': {
      const zxid = w.nextZxid();
      return w.done(setIn(w, now, op, zxid), zxid);
    }
    case 'multi':
      return multi(s, now, session, op);
    case 'closeSession': {
      const { zxid, deleted } = closeIn(w, session);
      return w.done({ ok: true }, zxid, deleted);
    }
    default:
      return read(w, session, op);
  }
}

function read(w: Work, session: string, op: Exclude<ZkOp, { op: 'create' | 'delete' | 'setData' | 'closeSession' | 'multi' }>): ZkExecResult {
  const z = lastZxid(w.s);
  switch (op.op) {
    case 'getData': {
      const n = w.node(op.path);
      if (!n) return w.done(fail('NoNode'), z);
      if (op.watch) w.addWatch('data', op.path, session, 'standard');
      return w.done({ ok: true, data: n.data, stat: statOf(n) }, z);
    }
    case 'exists': {
      // The watch is set before the lookup, so it is set on a missing node too.
      if (op.watch) w.addWatch('data', op.path, session, 'standard');
      const n = w.node(op.path);
      return w.done({ ok: true, stat: n ? statOf(n) : null }, z);
    }
    case 'getChildren': {
      const n = w.node(op.path);
      if (!n) return w.done(fail('NoNode'), z);
      if (op.watch) w.addWatch('child', op.path, session, 'standard');
      return w.done({ ok: true, children: childOrder(n), stat: statOf(n) }, z);
    }
    case 'addWatch': {
      if (!validPath(op.path)) return w.done(fail('BadArguments'), z);
      w.addWatch('data', op.path, session, op.mode);
      if (op.mode === 'persistent') w.addWatch('child', op.path, session, 'persistent');
      return w.done({ ok: true }, z);
    }
    case 'removeWatches': {
      let removed = false;
      if (op.type !== 'data' && w.removeWatch('child', op.path, session)) removed = true;
      if (op.type !== 'children' && w.removeWatch('data', op.path, session)) removed = true;
      return w.done(removed ? { ok: true } : fail('NoWatcher'), z);
    }
    case 'setWatches':
      setWatches(w, session, op);
      return w.done({ ok: true }, z);
    case 'sync':
      return w.done({ ok: true, path: op.path }, z);
    case 'ping':
      return w.done({ ok: true }, z);
  }
}

/**
 * DataTree.setWatches: a reconnecting client lists the watches it holds and the last zxid it
 * saw; what changed meanwhile fires at once, the rest is registered again.
 */
function setWatches(w: Work, session: string, op: Extract<ZkOp, { op: 'setWatches' }>): void {
  const note = (type: ZkEventType, path: string) => w.notes.push({ session, event: { type, path }, zxid: -1 });
  for (const path of op.data) {
    const n = w.node(path);
    if (!n) note('NodeDeleted', path);
    else if (n.mzxid > op.relativeZxid) note('NodeDataChanged', path);
    else w.addWatch('data', path, session, 'standard');
  }
  for (const path of op.exist) {
    if (w.node(path)) note('NodeCreated', path);
    else w.addWatch('data', path, session, 'standard');
  }
  for (const path of op.child) {
    const n = w.node(path);
    if (!n) note('NodeDeleted', path);
    else if (n.pzxid > op.relativeZxid) note('NodeChildrenChanged', path);
    else w.addWatch('child', path, session, 'standard');
  }
  for (const path of op.persistent) {
    w.addWatch('child', path, session, 'persistent');
    w.addWatch('data', path, session, 'persistent');
  }
  for (const path of op.recursive) w.addWatch('data', path, session, 'recursive');
}
