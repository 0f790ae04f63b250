import { describe, expect, it } from 'vitest';
import type { RedisState } from '../../models/redis/model';
import { buildSimulation } from '../build';
import { parseScenario } from '../parse';
import { builtin } from './index';

function play(id: string) {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const sim = buildSimulation(parsed.scenario);
  sim.runUntil(parsed.scenario.playback.untilMs);
  return sim;
}

describe('basics scenarios teach what they say', () => {
  it('redis-basics: the key is read back, then gone after its TTL', () => {
    const sim = play('redis-basics');
    const replies = sim.trace.slice().flatMap((e) => (e.type === 'client.reply' ? [e.reply] : []));
    expect(replies[0]).toBe('OK');
    expect(replies[1]).toBe('hello');
    expect(typeof replies[2]).toBe('number');
    expect(replies[2] as number).toBeGreaterThan(0);
    expect(replies[3]).toBeNull();
  });

  it('redis-failover: an acknowledged write is missing from the promoted replica', () => {
    const sim = play('redis-failover');
    const acked = sim.trace.slice().flatMap((e) => (e.type === 'client.reply' && e.reply === 'OK' ? [e.argv[1]] : []));
    expect(acked).toEqual(['order:1', 'order:2', 'order:3', 'order:4', 'order:5']);
    const replica = sim.node('replica').state as RedisState & { role: string };
    expect(replica.role).toBe('primary');
    expect(Object.keys(replica.data.keys).sort()).toEqual(['order:1', 'order:2', 'order:3', 'order:4']);
  });
});
