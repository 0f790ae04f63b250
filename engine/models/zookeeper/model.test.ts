import { describe, expect, it } from 'vitest';
import { narrateEn } from '../../testing/english';
import type { TraceEvent } from '../../core/trace-types';
import { describeZkMessage } from '../../clients/zookeeper/messages';
import { zookeeperView } from './model';
import { zookeeperParams } from './params';
import type { Harness } from '../../testing/harness';
import { zkWorld, type ZkPeerState } from '../../testing/zookeeper';
import { getNode } from './zk/state';
import type { ZkOp } from '../../clients/zookeeper/types';

const world = zkWorld;

const zkState = (h: Harness) => h.stateOf('zk', 'zookeeper');
const client = (h: Harness, id: string) => h.sim.node(id).state as ZkPeerState;
const events = (h: Harness, type?: string): TraceEvent[] => h.sim.trace.slice().filter((e) => type === undefined || e.type === type);
const createEph = (path: string): ZkOp => ({ op: 'create', path, data: 'me', kind: 'ephemeral' });

describe('zookeeper node in a simulation', () => {
  it('deletes the ephemeral of a crashed client once its session times out, at a tick boundary', () => {
    const h = world([{ id: 'c1', ops: [createEph('/leader')] }, { id: 'c2', timeoutMs: 20_000, ops: [{ op: 'exists', path: '/leader', watch: true }] }], [
      { at: 1000, kind: 'crash', node: 'c1' },
    ]);
    h.runUntil(3000);
    expect(getNode(zkState(h).core, '/leader')).toBeDefined();
    h.runUntil(20_000);
    expect(getNode(zkState(h).core, '/leader')).toBeUndefined();
    const open = h.expectEvent('zk.session.open', { client: 'c1' });
    const ex = h.expectEvent('zk.session.expired', { session: open.session, deleted: ['/leader'] });
    expect(h.events('zk.session.expired')).toHaveLength(1);
    expect(ex.t % 2000).toBe(0);
    // The last thing the server heard from c1 was before the crash; expiry is its timeout later,
    // rounded up to the next tick.
    const lastHeard = Math.max(...events(h, 'net.deliver').filter((e) => e.type === 'net.deliver' && e.from === 'c1').map((e) => e.t));
    expect(lastHeard).toBeLessThan(1000);
    expect(ex.t).toBe((Math.floor((lastHeard + 4000) / 2000) + 1) * 2000);
    // The watcher heard it.
    expect(client(h, 'c2').log.some((o) => o.kind === 'event' && o.event.type === 'NodeDeleted' && o.event.path === '/leader')).toBe(true);
    h.expectEvent('zk.watch.fired', { node: 'zk', path: '/leader' });
  });

  it('arms no timer while sessions are kept alive, and one expiry tick when one is not', () => {
    const h = world([{ id: 'c1', timeoutMs: 6000 }]);
    h.runUntil(60_000);
    const zkTimers = () => events(h, 'timer.fire').filter((e) => e.node === 'zk').length;
    expect(zkTimers()).toBe(0);
    h.sim.intervene({ at: 60_000, kind: 'crash', node: 'c1' });
    h.runUntil(120_000);
    expect(zkTimers()).toBe(1);
    expect(Object.keys(zkState(h).core.sessions)).toHaveLength(0);
  });

  it('pings every readTimeout/2 of silence (readTimeout = 2/3 of the negotiated timeout)', () => {
    const h = world([{ id: 'c1', timeoutMs: 6000 }]);
    h.runUntil(20_000);
    const pings = events(h, 'net.deliver')
      .filter((e) => e.type === 'net.deliver' && e.node === 'zk' && describeZkMessage(e.msg) === 'ping')
      .map((e) => e.t);
    expect(pings.length).toBeGreaterThan(5);
    const gaps = pings.slice(1).map((t, i) => t - pings[i]);
    for (const g of gaps) expect(g).toBe(2000);
  });

  it('reconnects to the same session after a partition shorter than the session, Expired only on reconnect after a long one', () => {
    const h = world([{ id: 'c1', timeoutMs: 12_000, ops: [createEph('/e')] }], [
      { at: 1000, kind: 'partition', edge: 'c1-zk' },
      { at: 10_000, kind: 'heal', edge: 'c1-zk' },
      { at: 20_000, kind: 'partition', edge: 'c1-zk' },
      { at: 50_000, kind: 'heal', edge: 'c1-zk' },
    ]);
    const states = () => client(h, 'c1').log.filter((o) => o.kind === 'state').map((o) => (o.kind === 'state' ? `${o.keeper}@${Math.round(o.t)}` : ''));
    h.runUntil(15_000);
    const s = states();
    expect(s[0]).toMatch(/^SyncConnected@/);
    expect(s[1]).toMatch(/^Disconnected@/);
    // Disconnected a read timeout (8000) after the last thing heard, before the partition.
    const disc = Number(s[1].split('@')[1]);
    expect(disc).toBeGreaterThan(8000);
    expect(disc).toBeLessThanOrEqual(9000);
    // Back soon after the heal: the unanswered connect request is resent (as TCP would).
    expect(s[2]).toMatch(/^SyncConnected@/);
    const back = Number(s[2].split('@')[1]);
    expect(back).toBeGreaterThan(10_000);
    expect(back).toBeLessThan(14_000);
    expect(getNode(zkState(h).core, '/e')).toBeDefined();
    h.runUntil(49_000);
    // Long cut: the server has expired the session, the client does not know yet.
    expect(getNode(zkState(h).core, '/e')).toBeUndefined();
    expect(states().filter((x) => x.startsWith('Expired'))).toEqual([]);
    h.runUntil(60_000);
    expect(states().at(-1)).toMatch(/^Expired@5\d\d\d\d$/);
    expect(client(h, 'c1').zk.phase).toBe('expired');
  });

  it('with Curator semantics: SUSPENDED, LOST after a session timeout of suspension, then a new session (RECONNECTED)', () => {
    const h = world([{ id: 'c1', timeoutMs: 6000, curator: true, ops: [createEph('/e')] }], [
      { at: 1000, kind: 'partition', edge: 'c1-zk' },
      { at: 30_000, kind: 'heal', edge: 'c1-zk' },
    ]);
    h.runUntil(29_000);
    const cur = () => client(h, 'c1').log.filter((o) => o.kind === 'state' && o.curator !== null).map((o) => (o.kind === 'state' ? o.curator : null));
    const dedup = (xs: unknown[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
    expect(dedup(cur())).toEqual(['CONNECTED', 'SUSPENDED', 'LOST']);
    const lost = client(h, 'c1').log.find((o) => o.kind === 'state' && o.curator === 'LOST')!;
    const suspended = client(h, 'c1').log.find((o) => o.kind === 'state' && o.curator === 'SUSPENDED')!;
    expect(lost.t - suspended.t).toBeCloseTo(6000, 0);
    const firstSession = client(h, 'c1').log.find((o) => o.kind === 'state')!;
    h.runUntil(40_000);
    expect(dedup(cur())).toEqual(['CONNECTED', 'SUSPENDED', 'LOST', 'RECONNECTED']);
    const zk = client(h, 'c1').zk;
    expect(zk.phase).toBe('connected');
    expect(firstSession.kind === 'state' && firstSession.sessionId).not.toBe(zk.sessionId);
  });

  it('keeps the tree and the sessions over a server crash and restart; clients resume their sessions', () => {
    const h = world([{ id: 'c1', timeoutMs: 10_000, ops: [{ op: 'create', path: '/p', data: 'x', kind: 'persistent' }, createEph('/e')] }], [
      { at: 2000, kind: 'crash', node: 'zk' },
      { at: 4000, kind: 'restart', node: 'zk' },
    ]);
    h.runUntil(20_000);
    const core = zkState(h).core;
    expect(getNode(core, '/p')).toBeDefined();
    expect(getNode(core, '/e')).toBeDefined();
    const c = client(h, 'c1');
    expect(c.zk.phase).toBe('connected');
    expect(c.log.filter((o) => o.kind === 'state').map((o) => (o.kind === 'state' ? o.keeper : ''))).toEqual(['SyncConnected', 'Disconnected', 'SyncConnected']);
    expect(Object.keys(core.sessions)).toEqual([c.zk.sessionId]);
  });

  it('delivers a watch event before the reply of a later read that shows the change', () => {
    const h = world([
      { id: 'w', timeoutMs: 10_000, ops: [{ op: 'exists', path: '/x', watch: true }, { op: 'sync', path: '/' }, { op: 'sync', path: '/' }, { op: 'getData', path: '/x', watch: false }] },
      { id: 'm', timeoutMs: 10_000, ops: [{ op: 'create', path: '/x', data: 'v', kind: 'persistent' }] },
    ]);
    h.runUntil(5000);
    const log = client(h, 'w').log;
    const ev = log.findIndex((o) => o.kind === 'event' && o.event.type === 'NodeCreated');
    const read = log.findIndex((o) => o.kind === 'reply' && o.op.op === 'getData' && o.result.ok);
    expect(ev).toBeGreaterThanOrEqual(0);
    expect(read).toBeGreaterThan(ev);
  });

  it('runs the same way twice (deterministic), and narrates every event it traces', () => {
    const run = () => {
      const h = world(
        [
          { id: 'c1', ops: [{ op: 'create', path: '/l', data: '', kind: 'persistent' }, { op: 'create', path: '/l/n-', data: 'a', kind: 'ephemeral', sequential: true }] },
          { id: 'c2', ops: [{ op: 'getChildren', path: '/l', watch: true }, { op: 'create', path: '/l', data: '', kind: 'persistent' }, { op: 'setData', path: '/l', data: 'z', version: 5 }] },
        ],
        [{ at: 3000, kind: 'crash', node: 'c1' }],
      );
      h.runUntil(15_000);
      return h;
    };
    const a = run();
    const b = run();
    expect(JSON.stringify(a.sim.trace.slice())).toBe(JSON.stringify(b.sim.trace.slice()));
    const zkEvents = a.sim.trace.slice().filter((e) => e.type.startsWith('zk.'));
    expect(new Set(zkEvents.map((e) => e.type)).size).toBeGreaterThanOrEqual(8);
    for (const e of zkEvents) {
      const line = narrateEn(a.sim, e);
      expect(line).not.toBe(`${e.node}: ${e.type}`);
      expect(line.length).toBeGreaterThan(10);
    }
    for (const e of a.sim.trace.slice().filter((x) => x.type === 'net.deliver')) {
      if (e.type === 'net.deliver') expect(describeZkMessage(e.msg)).toBeTruthy();
    }
  });
});

describe('zookeeperParams', () => {
  it('has defaults and is strict', () => {
    expect(zookeeperParams.parse({})).toEqual({ tickTime: 2000, containerCheckIntervalMs: 60_000, extendedTypes: false, serverId: 0, initLimit: 10, syncLimit: 5, fsyncMs: 4, fsyncJitterMs: 4 });
    expect(zookeeperParams.safeParse({ tick: 5 }).success).toBe(false);
    expect(zookeeperParams.safeParse({ tickTime: 0 }).success).toBe(false);
    expect(zookeeperParams.safeParse({ minSessionTimeout: 9000, maxSessionTimeout: 5000 }).success).toBe(false);
  });

  it('negotiates within the configured bounds', () => {
    const h = world([{ id: 'c1', timeoutMs: 100 }, { id: 'c2', timeoutMs: 1_000_000 }], [], { tickTime: 1000 });
    h.runUntil(100);
    const t = events(h, 'zk.session.open').map((e) => (e.type === 'zk.session.open' ? e.timeoutMs : 0));
    expect(t).toEqual([2000, 20_000]);
  });
});

describe('zookeeperView', () => {
  it('summarises znodes and sessions for the canvas', () => {
    const h = world([{ id: 'c1', ops: [createEph('/e')] }]);
    h.runUntil(1000);
    const v = zookeeperView(zkState(h));
    expect(v.znodes.map((z) => z.path)).toEqual(['/', '/e']);
    expect(v.sessions).toEqual([expect.objectContaining({ client: 'c1', connected: true, timeoutMs: 4000, ephemerals: ['/e'] })]);
    expect(v.lastZxid).toBe('0x2');
  });
});

describe('clocks', () => {
  it('re-aims the server and client timers after a drift change, so timeouts follow the node clock', () => {
    const h = world([{ id: 'c1', timeoutMs: 6000, ops: [createEph('/e')] }], [
      { at: 1000, kind: 'drift', node: 'zk', drift: 1 },
      { at: 1500, kind: 'crash', node: 'c1' },
    ]);
    h.runUntil(20_000);
    const ex = events(h, 'zk.session.expired')[0];
    // At double speed the server's 6 s (plus bucket rounding) pass in about half the true time.
    expect(ex.t).toBeLessThan(1500 + 4000);
    expect(getNode(zkState(h).core, '/e')).toBeUndefined();
  });
});
