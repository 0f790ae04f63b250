import { describe, expect, it } from 'vitest';
import { containerCheck, nextContainerWork } from './zk/containers';
import { exec } from './zk/ops';
import { closeSession, expireSessions, expiryBucket, negotiateTimeout, nextExpiry, openSession, resumeSession, touchSession } from './zk/sessions';
import { getNode, initServer, lastZxid, makeZxid, statOf, watchesOf, type ZkExecResult, type ZkServerState } from './zk/state';
import { javaClonedOrder, javaHashOrder, javaStringHash } from '../../clients/zookeeper/javahash';
import type { ZkOp, ZkResult } from '../../clients/zookeeper/types';

/** Freezes a value deeply, so a handler that mutates its input throws in strict mode. */
function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** A little driver over the pure core: sessions by name, ops by shorthand. */
class Srv {
  s: ZkServerState;
  now = 0;
  ids: Record<string, string> = {};
  notes: { to: string; type: string; path: string }[] = [];
  constructor(opts: Partial<Parameters<typeof initServer>[0]> = {}) {
    this.s = initServer({ tickTime: 2000, extendedTypes: true, ...opts });
  }
  open(name: string, timeout = 4000): string {
    const r = openSession(deepFreeze(this.s), this.now, timeout, name, 1);
    this.s = r.state;
    this.ids[name] = r.session.id;
    return r.session.id;
  }
  private record(r: ZkExecResult): void {
    const byId = Object.fromEntries(Object.entries(this.ids).map(([k, v]) => [v, k]));
    for (const n of r.notes) this.notes.push({ to: byId[n.session], type: n.event.type, path: n.event.path });
  }
  do(name: string, op: ZkOp): ZkResult {
    const r = exec(deepFreeze(this.s), this.now, this.ids[name], op);
    this.s = r.state;
    this.record(r);
    return r.result;
  }
  create(name: string, path: string, extra: Partial<Extract<ZkOp, { op: 'create' }>> = {}): ZkResult {
    return this.do(name, { op: 'create', path, data: 'x', kind: 'persistent', ...extra });
  }
  events(name: string): string[] {
    const mine = this.notes.filter((n) => n.to === name).map((n) => `${n.type} ${n.path}`);
    this.notes = this.notes.filter((n) => n.to !== name);
    return mine;
  }
  close(name: string): ZkExecResult {
    const r = closeSession(deepFreeze(this.s), this.ids[name]);
    this.s = r.state;
    this.record(r);
    return r;
  }
  expire(): string[] {
    const r = expireSessions(deepFreeze(this.s), this.now);
    this.s = r.state;
    this.record({ state: r.state, result: { ok: true }, zxid: 0, notes: r.notes });
    return r.expired.map((e) => e.session);
  }
}

const path = (r: ZkResult) => (r.ok ? r.path : r.err);
const err = (r: ZkResult) => (r.ok ? 'ok' : r.err);

describe('znodes', () => {
  it('a fresh server has the root and /zookeeper, reporting cversion -1 and -2', () => {
    const z = new Srv();
    z.open('a');
    const root = z.do('a', { op: 'getChildren', path: '/', watch: false });
    expect(root).toMatchObject({ ok: true, children: ['zookeeper'], stat: { cversion: -1, numChildren: 1 } });
    expect(z.do('a', { op: 'getChildren', path: '/zookeeper', watch: false })).toMatchObject({ children: ['config', 'quota'], stat: { cversion: -2 } });
  });

  it('numbers sequential nodes from the parent child-creation counter: 0, 1, delete, 2, plain, 4', () => {
    const z = new Srv();
    z.open('a');
    z.create('a', '/q');
    expect(path(z.create('a', '/q/n-', { sequential: true }))).toBe('/q/n-0000000000');
    expect(path(z.create('a', '/q/n-', { sequential: true }))).toBe('/q/n-0000000001');
    expect(err(z.do('a', { op: 'delete', path: '/q/n-0000000000', version: -1 }))).toBe('ok');
    expect(path(z.create('a', '/q/n-', { sequential: true }))).toBe('/q/n-0000000002');
    z.create('a', '/q/plain');
    expect(path(z.create('a', '/q/n-', { sequential: true, kind: 'ephemeral' }))).toBe('/q/n-0000000004');
    // Visible cversion = 2 x 5 creations - 4 children = 6 (the 1 deletion shows).
    expect(statOf(getNode(z.s, '/q')!)).toMatchObject({ cversion: 6, numChildren: 4 });
  });

  it('keeps stats: versions, zxids, pzxid, ephemeralOwner, dataLength in UTF-8 bytes', () => {
    const z = new Srv();
    const id = z.open('a');
    const c = z.create('a', '/n', { data: 'é€' });
    expect(c).toMatchObject({ ok: true, stat: { version: 0, dataLength: 5, ephemeralOwner: '0x0' } });
    const czxid = c.ok ? c.stat!.czxid : -1;
    expect(czxid).toBe(makeZxid(0, 2)); // createSession took zxid 1
    const s = z.do('a', { op: 'setData', path: '/n', data: 'y', version: 0 });
    expect(s).toMatchObject({ ok: true, stat: { version: 1, czxid, mzxid: czxid + 1, dataLength: 1 } });
    const e = z.create('a', '/n/e', { kind: 'ephemeral' });
    expect(e).toMatchObject({ ok: true, stat: { ephemeralOwner: id } });
    expect(statOf(getNode(z.s, '/n')!)).toMatchObject({ pzxid: czxid + 2, mzxid: czxid + 1, numChildren: 1, cversion: 1 });
  });

  it('refuses bad creates in the real order of checks', () => {
    const z = new Srv();
    z.open('a');
    z.create('a', '/a');
    expect(err(z.create('a', '/a'))).toBe('NodeExists');
    expect(err(z.create('a', '/'))).toBe('NodeExists');
    expect(err(z.create('a', '/missing/x'))).toBe('NoNode');
    expect(err(z.create('a', 'relative'))).toBe('BadArguments');
    expect(err(z.create('a', '/trailing/'))).toBe('BadArguments');
    z.create('a', '/e', { kind: 'ephemeral' });
    expect(err(z.create('a', '/e/c'))).toBe('NoChildrenForEphemerals');
    expect(err(z.create('a', '/e/c', { sequential: true }))).toBe('NoChildrenForEphemerals');
    z.create('a', '/c', { kind: 'container' });
    expect(err(z.create('a', '/c/kid'))).toBe('ok');
    expect(err(z.create('a', '/t', { kind: 'ttl', ttl: 0 }))).toBe('BadArguments');
    expect(err(z.create('a', '/t', { kind: 'ttl', ttl: 1000 }))).toBe('ok');
  });

  it('refuses TTL nodes unless extended types are enabled', () => {
    const z = new Srv({ extendedTypes: false });
    z.open('a');
    expect(err(z.create('a', '/t', { kind: 'ttl', ttl: 1000 }))).toBe('Unimplemented');
  });

  it('does conditional setData and delete by version (-1 = any), checking NoNode, BadVersion, NotEmpty in order', () => {
    const z = new Srv();
    z.open('a');
    z.create('a', '/v');
    expect(err(z.do('a', { op: 'setData', path: '/v', data: '1', version: 0 }))).toBe('ok');
    expect(err(z.do('a', { op: 'setData', path: '/v', data: '2', version: 0 }))).toBe('BadVersion');
    expect(err(z.do('a', { op: 'setData', path: '/v', data: '2', version: -1 }))).toBe('ok');
    expect(err(z.do('a', { op: 'setData', path: '/nope', data: '2', version: 3 }))).toBe('NoNode');
    z.create('a', '/v/c');
    expect(err(z.do('a', { op: 'delete', path: '/v', version: 9 }))).toBe('BadVersion');
    expect(err(z.do('a', { op: 'delete', path: '/v', version: 2 }))).toBe('NotEmpty');
    expect(err(z.do('a', { op: 'delete', path: '/nope', version: 9 }))).toBe('NoNode');
    expect(err(z.do('a', { op: 'delete', path: '/zookeeper', version: -1 }))).toBe('BadArguments');
    z.do('a', { op: 'delete', path: '/v/c', version: 0 });
    expect(err(z.do('a', { op: 'delete', path: '/v', version: 2 }))).toBe('ok');
  });

  it('gives every write a zxid, failed ones too, and none to reads', () => {
    const z = new Srv();
    z.open('a');
    const before = lastZxid(z.s);
    z.create('a', '/x');
    z.create('a', '/x');
    z.do('a', { op: 'setData', path: '/x', data: '', version: 7 });
    z.do('a', { op: 'getData', path: '/x', watch: true });
    z.do('a', { op: 'exists', path: '/y', watch: false });
    expect(lastZxid(z.s) - before).toBe(3);
  });
});

describe('watches', () => {
  it('lets each read set only the watch that can fire the events it should', () => {
    const z = new Srv();
    z.open('w');
    z.open('m');
    // exists on a missing node sets a watch (NodeCreated); getData/getChildren cannot.
    expect(z.do('w', { op: 'exists', path: '/a', watch: true })).toMatchObject({ ok: true, stat: null });
    expect(err(z.do('w', { op: 'getData', path: '/b', watch: true }))).toBe('NoNode');
    expect(err(z.do('w', { op: 'getChildren', path: '/b', watch: true }))).toBe('NoNode');
    z.create('m', '/a');
    z.create('m', '/b');
    expect(z.events('w')).toEqual(['NodeCreated /a']);
    z.do('w', { op: 'getData', path: '/a', watch: true });
    z.do('w', { op: 'getChildren', path: '/b', watch: true });
    z.create('m', '/a/kid'); // no child watch on /a: nothing
    z.do('m', { op: 'setData', path: '/b', data: 'y', version: -1 }); // child watch ignores data
    expect(z.events('w')).toEqual([]);
    z.do('m', { op: 'setData', path: '/a', data: 'y', version: -1 });
    z.create('m', '/b/kid');
    expect(z.events('w')).toEqual(['NodeDataChanged /a', 'NodeChildrenChanged /b']);
    // One-shot: the same changes again fire nothing.
    z.do('m', { op: 'setData', path: '/a', data: 'z', version: -1 });
    z.do('m', { op: 'delete', path: '/b/kid', version: -1 });
    expect(z.events('w')).toEqual([]);
  });

  it('sends one NodeDeleted per session however many watches it held, and the parent child watch too', () => {
    const z = new Srv();
    z.open('w');
    z.open('m');
    z.create('m', '/p');
    z.create('m', '/p/n');
    z.do('w', { op: 'exists', path: '/p/n', watch: true });
    z.do('w', { op: 'getData', path: '/p/n', watch: true });
    z.do('w', { op: 'getChildren', path: '/p/n', watch: true });
    z.do('w', { op: 'getChildren', path: '/p', watch: true });
    z.do('m', { op: 'delete', path: '/p/n', version: -1 });
    expect(z.events('w')).toEqual(['NodeDeleted /p/n', 'NodeChildrenChanged /p']);
    expect(watchesOf(z.s, z.ids.w)).toEqual([]);
  });

  it('keeps persistent watches (node and children) and recursive ones (subtree, no NodeChildrenChanged)', () => {
    const z = new Srv();
    z.open('w');
    z.open('m');
    z.do('w', { op: 'addWatch', path: '/p', mode: 'persistent' });
    z.do('w', { op: 'addWatch', path: '/r', mode: 'recursive' });
    z.create('m', '/p');
    z.create('m', '/p/c');
    z.create('m', '/p/c/g');
    z.do('m', { op: 'setData', path: '/p', data: '1', version: -1 });
    z.do('m', { op: 'setData', path: '/p', data: '2', version: -1 });
    expect(z.events('w')).toEqual(['NodeCreated /p', 'NodeChildrenChanged /p', 'NodeDataChanged /p', 'NodeDataChanged /p']);
    z.create('m', '/r');
    z.create('m', '/r/a');
    z.create('m', '/r/a/b');
    z.do('m', { op: 'delete', path: '/r/a/b', version: -1 });
    z.create('m', '/rr');
    expect(z.events('w')).toEqual(['NodeCreated /r', 'NodeCreated /r/a', 'NodeCreated /r/a/b', 'NodeDeleted /r/a/b']);
  });

  it('in 3.8, a one-shot watch set after a persistent one on the same path makes the data side one-shot', () => {
    const z = new Srv();
    z.open('w');
    z.open('m');
    z.do('w', { op: 'addWatch', path: '/x', mode: 'persistent' });
    z.do('w', { op: 'exists', path: '/x', watch: true });
    z.create('m', '/x');
    z.do('m', { op: 'setData', path: '/x', data: '1', version: -1 });
    z.create('m', '/x/c');
    expect(z.events('w')).toEqual(['NodeCreated /x', 'NodeChildrenChanged /x']);
  });

  it('removes watches by type and answers NoWatcher when there is none', () => {
    const z = new Srv();
    z.open('w');
    z.open('m');
    z.create('m', '/a');
    z.do('w', { op: 'getData', path: '/a', watch: true });
    expect(err(z.do('w', { op: 'removeWatches', path: '/a', type: 'children' }))).toBe('NoWatcher');
    expect(err(z.do('w', { op: 'removeWatches', path: '/a', type: 'data' }))).toBe('ok');
    z.do('m', { op: 'setData', path: '/a', data: '1', version: -1 });
    expect(z.events('w')).toEqual([]);
  });

  it('answers SetWatches with what changed since the client last looked, and re-registers the rest', () => {
    const z = new Srv();
    z.open('w');
    z.open('m');
    z.create('m', '/a');
    z.create('m', '/b');
    z.create('m', '/c');
    const seen = lastZxid(z.s);
    z.do('m', { op: 'setData', path: '/a', data: '1', version: -1 });
    z.do('m', { op: 'delete', path: '/b', version: -1 });
    z.create('m', '/n');
    z.do('w', { op: 'setWatches', relativeZxid: seen, data: ['/a', '/b', '/c'], exist: ['/n', '/m'], child: ['/c'], persistent: [], recursive: [] });
    expect(z.events('w')).toEqual(['NodeDataChanged /a', 'NodeDeleted /b', 'NodeCreated /n']);
    z.do('m', { op: 'setData', path: '/c', data: '1', version: -1 });
    z.create('m', '/m');
    z.create('m', '/c/k');
    expect(z.events('w')).toEqual(['NodeDataChanged /c', 'NodeCreated /m', 'NodeChildrenChanged /c']);
  });
});

describe('sessions', () => {
  it('clamps the requested timeout to [2, 20] x tickTime', () => {
    const s = initServer({ tickTime: 2000 });
    expect(negotiateTimeout(s, 100)).toBe(4000);
    expect(negotiateTimeout(s, 5555)).toBe(5555);
    expect(negotiateTimeout(s, 600_000)).toBe(40_000);
    const t = initServer({ tickTime: 500, minSessionTimeout: 3000, maxSessionTimeout: 6000 });
    expect(negotiateTimeout(t, 100)).toBe(3000);
    expect(negotiateTimeout(t, 9000)).toBe(6000);
  });

  it('expires sessions in tick buckets, rounded up to the next tick (a multiple goes one further)', () => {
    expect(expiryBucket(2000, 4100)).toBe(6000);
    expect(expiryBucket(2000, 6000)).toBe(8000);
    expect(expiryBucket(2000, 5999)).toBe(6000);
    const z = new Srv();
    z.now = 100;
    const id = z.open('a'); // 100 + 4000 -> bucket 6000
    expect(z.s.sessions[id].expireAt).toBe(6000);
    z.now = 1500;
    z.s = touchSession(z.s, z.now, id); // 5500 -> still 6000
    expect(z.s.sessions[id].expireAt).toBe(6000);
    z.now = 2000;
    z.s = touchSession(z.s, z.now, id); // exactly 6000 -> 8000
    expect(nextExpiry(z.s)).toBe(8000);
    z.now = 7999;
    expect(z.expire()).toEqual([]);
    z.now = 8000;
    expect(z.expire()).toEqual([id]);
    expect(z.s.sessions[id]).toBeUndefined();
  });

  it('deletes the ephemerals of a closed or expired session and fires their watches', () => {
    const z = new Srv();
    z.open('a');
    z.open('b', 40_000);
    z.open('w', 40_000);
    z.create('a', '/keep');
    z.create('a', '/ea', { kind: 'ephemeral' });
    z.create('b', '/eb', { kind: 'ephemeral' });
    z.do('w', { op: 'exists', path: '/ea', watch: true });
    z.do('w', { op: 'exists', path: '/eb', watch: true });
    const before = lastZxid(z.s);
    const r = z.close('a');
    expect(r.deleted).toEqual(['/ea']);
    expect(r.zxid).toBe(before + 1);
    expect(getNode(z.s, '/ea')).toBeUndefined();
    expect(getNode(z.s, '/keep')).toBeDefined();
    expect(z.events('w')).toEqual(['NodeDeleted /ea']);
    z.now = 10_000;
    expect(z.expire()).toEqual([]);
    z.now = 44_000;
    expect(z.expire()).toContain(z.ids.b);
    expect(getNode(z.s, '/eb')).toBeUndefined();
    expect(z.events('w')).toEqual(['NodeDeleted /eb']);
  });

  it("deletes a closing session's ephemerals in Java HashSet order (as measured on 3.8)", () => {
    const z = new Srv();
    z.open('a');
    for (const p of ['/h1', '/h2', '/h3', '/zz', '/abc', '/lock-0000000006']) z.create('a', p, { kind: 'ephemeral' });
    expect(z.close('a').deleted).toEqual(['/abc', '/h1', '/h2', '/h3', '/lock-0000000006', '/zz']);
  });

  it('lets a live session resume on a new connection (dropping the old connection watches), not an expired one', () => {
    const z = new Srv();
    const id = z.open('a');
    z.do('a', { op: 'exists', path: '/x', watch: true });
    const s2 = resumeSession(z.s, 3000, id, 'a', 2);
    expect(s2).not.toBeNull();
    expect(watchesOf(s2!, id)).toEqual([]);
    expect(s2!.sessions[id]).toMatchObject({ conn: 2, expireAt: 8000 });
    expect(resumeSession(z.s, 6000, id, 'a', 2)).toBeNull();
  });
});

describe('containers and TTL nodes', () => {
  it('deletes a container once it had a child and is empty, a TTL node once idle past its TTL', () => {
    const z = new Srv();
    z.open('a', 40_000);
    z.create('a', '/c', { kind: 'container' });
    z.create('a', '/never', { kind: 'container' });
    z.create('a', '/t', { kind: 'ttl', ttl: 1500 });
    expect(nextContainerWork(z.s)).toBe(1500);
    z.create('a', '/c/k');
    z.do('a', { op: 'delete', path: '/c/k', version: -1 });
    expect(nextContainerWork(z.s)).toBe(-Infinity);
    const r = containerCheck(z.s, 1000);
    expect(r.deleted.map((d) => d.path)).toEqual(['/c']);
    expect(containerCheck(r.state, 1500).deleted).toEqual([]);
    expect(containerCheck(r.state, 1501).deleted.map((d) => d.path)).toEqual(['/t']);
    expect(getNode(r.state, '/never')).toBeDefined();
  });
});

describe('javahash', () => {
  it("matches Java's String.hashCode and HashSet iteration", () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('/lock-0000000001')).toBe(javaStringHash('/lock-0000000001'));
    expect(javaHashOrder(['/h1', '/h2', '/h3', '/zz', '/abc', '/lock-0000000001'], 16)).toEqual(['/abc', '/lock-0000000001', '/h1', '/h2', '/h3', '/zz']);
    expect(javaClonedOrder(['/b', '/a'], 2)).toHaveLength(2);
  });
});
