import { describe, expect, it } from 'vitest';
import { galleryEntry } from '../../testing/gallery';
import { play } from '../../testing/scenario';
import { applyChange } from '../change';
import { scenarioOf } from '../../testing/scenario';

const ID = 'redis-sentinel-failover-lock-loss';
const entry = galleryEntry(ID, 'locks', { maxX: 700, maxY: 700 });
/** The scenario with try-this item `i` applied, as the gallery applies it. */
const tried = (i: number) => applyChange(scenarioOf(ID), entry.tryThis[i].change!);

describe('redis-sentinel-failover-lock-loss', () => {
  it('the sentinels fail over to a replica that never got c1’s lock, and c2, told the new primary, takes it again', () => {
    const r = play(ID);
    expect(r.violations).toHaveLength(1);
    const v = r.violations[0];
    expect(v.monitor).toBe('mutual-exclusion');
    expect(v.message).toContain('replica1 was promoted to primary at');
    expect(v.message).toContain('not yet replicated');
    expect(r.events('lock.acquire').map((e) => [e.node, e.server])).toEqual([
      ['c1', 'primary'],
      ['c2', 'replica1'],
    ]);
    // c2 asked a sentinel before the crash and again after the primary failed it.
    const asked = r.events('lock.discover').filter((e) => e.node === 'c2');
    expect(asked[0].primary).toBe('primary');
    expect(asked.at(-1)!.primary).toBe('replica1');
    // The replica was promoted by the elected leader, with REPLICAOF NO ONE.
    const leader = r.events('sentinel.elected')[0].node;
    expect(r.events('sentinel.slaveof')[0]).toMatchObject({ node: leader, instance: 'replica1', primary: null });
    expect(r.events('redis.replicaof').find((e) => e.node === 'replica1')).toMatchObject({ client: leader, primary: null, was: 'primary' });
  });

  it('try this 1: without replication lag c1’s lock reaches the replicas, and c2 waits', () => {
    const r = play(tried(0));
    expect(r.violations).toEqual([]);
    expect(r.events('sentinel.switch-master').length).toBeGreaterThan(0);
    // c2 finds the new primary holding c1's key (c1's unlock went to the dead primary, so it waits out the TTL).
    expect(r.events('lock.acquire').map((e) => e.node)).toEqual(['c1']);
    expect(r.events('lock.discover').filter((e) => e.node === 'c2').at(-1)!.primary).toBe('replica1');
    expect(r.events('redis.exec').some((e) => e.node === 'replica1' && e.client === 'c2' && e.reply === null)).toBe(true);
  });

  it('try this 2: a primary cut off from the sentinels and replicas keeps serving c1; two primaries until it is turned into a replica', () => {
    const r = play(tried(1));
    expect(r.violations.map((v) => v.monitor)).toContain('mutual-exclusion');
    expect(r.events('fault.crash')).toEqual([]);
    expect(r.events('lock.acquire').map((e) => [e.node, e.server])).toEqual([
      ['c1', 'primary'],
      ['c2', 'replica1'],
    ]);
    const convert = r.events('sentinel.slaveof').filter((e) => e.why === 'convert');
    expect(convert[0]).toMatchObject({ instance: 'primary', primary: 'replica1' });
    expect(r.events('redis.replicaof').some((e) => e.node === 'primary' && e.primary === 'replica1')).toBe(true);
  });

  it('try this 3: one sentinel alone neither reaches the quorum nor a majority; nobody fails over and c2 waits', () => {
    const r = play(tried(2));
    expect(r.violations).toEqual([]);
    expect(r.events('sentinel.odown')).toEqual([]);
    expect(r.events('sentinel.slaveof')).toEqual([]);
    expect(r.events('lock.acquire').map((e) => e.node)).toEqual(['c1']);
  });
});
