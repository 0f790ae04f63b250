import { describe, expect, it } from 'vitest';
import { zkClientOf, zkEnsembleWorld, zkLog } from '../../../testing/zookeeper';
import type { Harness } from '../../../testing/harness';
import type { ZkOp } from '../../../clients/zookeeper/types';
import { getNode } from '../zk/state';
import { zookeeperView } from '../view';

const q = (h: Harness, id: string) => h.stateOf(id, 'zookeeper').q!;
const core = (h: Harness, id: string) => h.stateOf(id, 'zookeeper').core;
const create = (path: string, data = 'x', kind: 'persistent' | 'ephemeral' = 'persistent'): ZkOp => ({ op: 'create', path, data, kind });
const replies = (h: Harness, id: string) => zkLog(h, id).filter((o) => o.kind === 'reply');
/** When the request behind reply `i` went out: the reply before it plus the peer's gap (20 ms here). */
const sentAt = (log: ReturnType<typeof replies>, i: number) => (i > 0 ? log[i - 1].t + 20 : 0);

describe('ZooKeeper ensemble: election', () => {
  it('elects the highest server id when the logs are equal; the leader serves once a quorum has synced', () => {
    const h = zkEnsembleWorld(3, []);
    h.runUntil(2000);
    expect(['z1', 'z2', 'z3'].map((z) => [q(h, z).role, q(h, z).serving])).toEqual([
      ['following', true],
      ['following', true],
      ['leading', true],
    ]);
    const served = h.expectEvent('zk.quorum.serving', { node: 'z3', role: 'leading', epoch: 1 });
    // finalizeWait (200 ms) with nothing better heard, then FOLLOWERINFO, sync and NEWLEADER's ack.
    expect(served.t).toBeGreaterThanOrEqual(200);
    expect(served.t).toBeLessThan(300);
  });

  it('prefers the longer log over the higher id: a server that missed writes never leads', () => {
    const h = zkEnsembleWorld(3, [{ id: 'c1', servers: ['z1', 'z2'], ops: [create('/a'), create('/b')] }], [
      { at: 100, kind: 'crash', node: 'z3' },
      { at: 3000, kind: 'crash', node: 'z2' },
      { at: 3000, kind: 'crash', node: 'z1' },
      { at: 3500, kind: 'restart', node: 'z3' },
      { at: 3600, kind: 'restart', node: 'z1' },
      { at: 3600, kind: 'restart', node: 'z2' },
    ]);
    h.runUntil(6000);
    // z1 and z2 made epoch 1 without z3 and logged /a and /b; z3 (highest id, empty log) follows.
    expect(q(h, 'z3').role).toBe('following');
    expect(q(h, 'z2').role).toBe('leading');
    expect(getNode(core(h, 'z3'), '/b')).toBeDefined();
  });
});

describe('ZooKeeper ensemble: servers coming back (found against a real ensemble, conformance/zookeeper/ensemble)', () => {
  it('a server started after another has been looking alone gets its vote at once: the quorum forms within finalizeWait of its start', () => {
    // z3 starts first, z2 a second later (z1 later still): on the real ensemble z3 leads about
    // 300 ms after z2 starts, because z3's notification waited in its queue for z2 and goes out
    // as soon as z2 connects. Waiting for z3's doubling resend timer instead took 600 ms more.
    const h = zkEnsembleWorld(3, [], [
      { at: 1, kind: 'crash', node: 'z1' },
      { at: 1, kind: 'crash', node: 'z2' },
      { at: 1000, kind: 'restart', node: 'z2' },
      { at: 5000, kind: 'restart', node: 'z1' },
    ]);
    h.runUntil(6000);
    const served = h.expectEvent('zk.quorum.serving', { node: 'z3', role: 'leading' });
    expect(served.t).toBeGreaterThanOrEqual(1000 + 200);
    expect(served.t).toBeLessThan(1000 + 300);
    expect(q(h, 'z1').role).toBe('following');
  });

  it('a restarted server starts its election from round 1 (logicalclock is not kept), so a server looking alone for long answers it at once', () => {
    // z3 dies, then z1: z2 alone looks for a leader, its resend timer doubling (6.4 s apart by
    // now). z1 restarts 10 s later in round 1, behind z2's round, so z2 answers it straight
    // away; the real pair (the conformance run) serves again about a second after z1's start.
    // Had z1 kept its round, the two would tie on it and wait for z2's next resend (~12 s).
    const h = zkEnsembleWorld(3, [], [
      { at: 1000, kind: 'crash', node: 'z3' },
      { at: 2000, kind: 'crash', node: 'z1' },
      { at: 12_000, kind: 'restart', node: 'z1' },
    ]);
    h.runUntil(14_000);
    const restarted = h.events('zk.quorum.looking').filter((e) => e.node === 'z1' && e.t >= 12_000);
    expect(restarted[0].round).toBe(1);
    expect(h.events('zk.quorum.looking').filter((e) => e.node === 'z2').at(-1)!.round).toBeGreaterThan(1);
    const back = h.events('zk.quorum.serving').filter((e) => e.node === 'z2' && e.role === 'leading' && e.t > 12_000);
    expect(back).toHaveLength(1);
    expect(back[0].t).toBeLessThan(12_000 + 500);
  });
});

describe('ZooKeeper ensemble: writes', () => {
  it('commits a write once a quorum has it fsynced, and the client’s own server answers after applying it', () => {
    const h = zkEnsembleWorld(3, [{ id: 'c1', servers: ['z1'], ops: [create('/a')] }]);
    h.runUntil(3000);
    const prop = h.expectEvent('zk.quorum.propose', { node: 'z3', what: 'create /a' });
    const commit = h.expectEvent('zk.quorum.commit', { node: 'z3', zxid: prop.zxid });
    const fsyncs = h.events('zk.quorum.fsync').filter((e) => e.zxids.includes(prop.zxid) && e.t <= commit.t);
    // The leader and at least one follower had it on disk first.
    expect(fsyncs.map((e) => e.node)).toContain('z3');
    expect(fsyncs.length).toBeGreaterThanOrEqual(2);
    expect(commit.acks.length).toBeGreaterThanOrEqual(2);
    const reply = replies(h, 'c1')[0];
    expect(reply.kind === 'reply' && reply.result.ok).toBe(true);
    const sent = h.events('net.deliver').find((e) => e.node === 'z1' && (e.msg as { op?: { op: string } }).op?.op === 'create')!;
    // z1 -> leader, proposal (the leader's own fsync runs meanwhile), a follower's fsync, ack,
    // commit -> z1 -> client: five hops of 5 ms and at least one fsync (4 ms or more).
    expect(reply.t - sent.t).toBeGreaterThanOrEqual(5 * 5 + 4);
    for (const z of ['z1', 'z2', 'z3']) expect(getNode(core(h, z), '/a')?.czxid).toBe(prop.zxid);
  });

  it('a follower answers reads from its own copy: stale after a write elsewhere has returned, fresh after sync()', () => {
    const reads: ZkOp[] = Array.from({ length: 40 }, () => ({ op: 'getData', path: '/cfg', watch: false }));
    const synced: ZkOp[] = Array.from({ length: 20 }, () => [{ op: 'sync', path: '/cfg' } as ZkOp, { op: 'getData', path: '/cfg', watch: false } as ZkOp]).flat();
    const writer = { id: 'w', servers: ['z3'], ops: [create('/cfg', 'v1'), { op: 'setData', path: '/cfg', data: 'v2', version: -1 } as ZkOp], gapMs: 400 };
    const slow = (reader: { id: string; servers: string[]; ops: ZkOp[]; gapMs?: number }) =>
      zkEnsembleWorld(3, [writer, { ...reader }], [{ at: 0, kind: 'link', edge: 'z1-z3', extraLatencyMs: 150 }]);
    const h = slow({ id: 'r', servers: ['z1'], ops: reads, gapMs: 20 });
    h.runUntil(4000);
    const written = replies(h, 'w').find((o) => o.kind === 'reply' && o.op.op === 'setData')!;
    const after = replies(h, 'r').filter((o) => o.kind === 'reply' && o.op.op === 'getData' && o.t - 20 > written.t);
    expect(after.some((o) => o.kind === 'reply' && o.result.ok && o.result.data === 'v1')).toBe(true);
    const h2 = slow({ id: 'r', servers: ['z1'], ops: synced, gapMs: 20 });
    h2.runUntil(6000);
    const written2 = replies(h2, 'w').find((o) => o.kind === 'reply' && o.op.op === 'setData')!;
    const log = replies(h2, 'r');
    // Every read whose sync was sent after the write had returned sees v2.
    const checked = log.filter((o, i) => o.kind === 'reply' && o.op.op === 'getData' && i > 0 && log[i - 1].kind === 'reply' && log[i - 1].op.op === 'sync' && sentAt(log, i - 1) > written2.t);
    expect(checked.length).toBeGreaterThan(0);
    for (const o of checked) expect(o.kind === 'reply' && o.result.ok && o.result.data).toBe('v2');
  });
});

describe('ZooKeeper ensemble: failures', () => {
  it('leader crash: a new leader with a new epoch; the client moves to another server with its session and ephemeral', () => {
    const h = zkEnsembleWorld(3, [{ id: 'c1', servers: ['z3', 'z1', 'z2'], ops: [create('/e', 'me', 'ephemeral')] }], [{ at: 1000, kind: 'crash', node: 'z3' }]);
    h.runUntil(8000);
    expect(q(h, 'z2').role).toBe('leading');
    expect(q(h, 'z2').currentEpoch).toBe(2);
    const sid = zkClientOf(h, 'c1').sessionId!;
    expect(zkClientOf(h, 'c1').phase).toBe('connected');
    expect(zkClientOf(h, 'c1').server).not.toBe('z3');
    h.expectEvent('zk.session.resume', { session: sid });
    h.expectNoEvent('zk.session.expired');
    for (const z of ['z1', 'z2']) expect(getNode(core(h, z), '/e')?.owner).toBe(sid);
  });

  it('a minority cut off stops serving and expires nobody; its clients move; healed, it syncs from the leader', () => {
    const h = zkEnsembleWorld(3, [{ id: 'c1', servers: ['z1', 'z2', 'z3'], ops: [create('/e', 'me', 'ephemeral')] }, { id: 'c2', servers: ['z3'], ops: [] }], [
      { at: 1000, kind: 'partition', edge: 'z1-z2' },
      { at: 1000, kind: 'partition', edge: 'z1-z3' },
      { at: 9000, kind: 'heal', edge: 'z1-z2' },
      { at: 9000, kind: 'heal', edge: 'z1-z3' },
    ]);
    h.runUntil(8000);
    expect(q(h, 'z1').role).toBe('looking');
    expect(q(h, 'z1').serving).toBe(false);
    expect(zkClientOf(h, 'c1').server).not.toBe('z1');
    expect(zkClientOf(h, 'c1').phase).toBe('connected');
    h.expectNoEvent('zk.session.expired');
    h.runUntil(12_000);
    expect(q(h, 'z1').role).toBe('following');
    expect(q(h, 'z1').serving).toBe(true);
    h.expectEvent('zk.quorum.sync', { node: 'z1', leader: 'z3' });
  });

  it('an uncommitted proposal on a leader cut off from everyone is dropped (TRUNC) when it rejoins, and its client gets ConnectionLoss', () => {
    const h = zkEnsembleWorld(3, [{ id: 'c1', servers: ['z3'], ops: [create('/a'), create('/x')], gapMs: 1000 }], [
      { at: 800, kind: 'partition', edge: 'z1-z3' },
      { at: 800, kind: 'partition', edge: 'z2-z3' },
      { at: 9000, kind: 'heal', edge: 'z1-z3' },
      { at: 9000, kind: 'heal', edge: 'z2-z3' },
    ]);
    h.runUntil(14_000);
    const prop = h.expectEvent('zk.quorum.propose', { node: 'z3', what: 'create /x' });
    expect(h.events('zk.quorum.commit').filter((e) => e.zxid === prop.zxid)).toHaveLength(0);
    expect(q(h, 'z2').role).toBe('leading');
    expect(q(h, 'z3').role).toBe('following');
    h.expectEvent('zk.quorum.sync', { node: 'z3', truncated: 1 });
    for (const z of ['z1', 'z2', 'z3']) expect(getNode(core(h, z), '/x')).toBeUndefined();
    expect(replies(h, 'c1').some((o) => o.kind === 'reply' && o.op.op === 'create' && !o.result.ok && o.result.err === 'ConnectionLoss')).toBe(true);
  });

  it('a proposal a follower logged but the crashed leader never committed is committed by the next leader', () => {
    // Slow disks on the leader and z2: when the leader dies only z1 has acknowledged the proposal.
    const slow = (id: string) => (id === 'z1' ? { fsyncMs: 0, fsyncJitterMs: 0 } : { fsyncMs: 2000, fsyncJitterMs: 0 });
    const clients = [{ id: 'c1', servers: ['z1', 'z2'], timeoutMs: 20_000, ops: [create('/x')] }];
    const probe = zkEnsembleWorld(3, clients, [], slow);
    probe.runUntil(6000);
    const prop = probe.expectEvent('zk.quorum.propose', { node: 'z3', what: 'create /x' });
    const h = zkEnsembleWorld(3, clients, [{ at: prop.t + 100, kind: 'crash', node: 'z3' }], slow);
    h.runUntil(12_000);
    expect(h.events('zk.quorum.commit').filter((e) => e.zxid === prop.zxid && e.node === 'z3')).toEqual([]);
    expect(q(h, 'z2').role).toBe('leading');
    for (const z of ['z1', 'z2']) expect(getNode(core(h, z), '/x')?.czxid).toBe(prop.zxid);
  });
});

describe('ZooKeeper ensemble: what the card shows', () => {
  it('the leader shows its role, epoch, zxid, who is in sync and each pending proposal’s acks; a follower its leader', () => {
    // Slow disks, so the proposal waits long enough to be seen pending.
    const h2 = zkEnsembleWorld(3, [{ id: 'c1', servers: ['z1'], ops: [create('/a')] }], [], { fsyncMs: 300, fsyncJitterMs: 0 });
    let t = 0;
    while (h2.events('zk.quorum.propose').every((e) => e.what !== 'create /a') && t < 5000) h2.runUntil((t += 10));
    const prop = h2.expectEvent('zk.quorum.propose', { node: 'z3', what: 'create /a' });
    const lead = zookeeperView(h2.stateOf('z3', 'zookeeper')).ensemble!;
    expect(lead).toMatchObject({ role: 'leading', serving: true, leader: 'z3', epoch: 1, quorum: 2, size: 3, synced: ['z3', 'z1', 'z2'] });
    expect(lead.pending.map((p) => [p.what, p.acks])).toContainEqual(['create /a', []]);
    const follower = zookeeperView(h2.stateOf('z1', 'zookeeper')).ensemble!;
    expect(follower).toMatchObject({ role: 'following', leader: 'z3', synced: null });
    h2.runUntil(3000);
    expect(zookeeperView(h2.stateOf('z1', 'zookeeper')).ensemble!.pending).toEqual([]);
    expect(zookeeperView(h2.stateOf('z1', 'zookeeper')).ensemble!.zxid).toBe(`0x${prop.zxid.toString(16)}`);
    // Only the leader keeps time for sessions.
    expect(zookeeperView(h2.stateOf('z1', 'zookeeper')).sessions.every((s) => s.expireAt === null)).toBe(true);
    expect(zookeeperView(h2.stateOf('z3', 'zookeeper')).sessions.every((s) => s.expireAt !== null)).toBe(true);
  });
});
