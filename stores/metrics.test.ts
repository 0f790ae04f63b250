import { describe, expect, it } from 'vitest';
import { inEnglish } from '@/engine/i18n/english';
import { buildSimulation } from '@/engine/scenario/build';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { comparisons, groupMetrics } from './metrics';

describe('metrics for the panel', () => {
  it('groups by prefix with plain labels and units', () => {
    const groups = groupMetrics({ 'pay.charges': 2, 'redis.commands': 9, 'pay.double.charges': 1, 'zk-lock.unusable.ms': 4846.9 });
    expect(groups.map((g) => g.prefix)).toEqual(['pay', 'redis', 'zk-lock']);
    const english = (rows: (typeof groups)[number]['rows']) => rows.map((r) => ({ ...r, label: inEnglish(r.label), explain: inEnglish(r.explain) }));
    expect(english(groups[0].rows)).toEqual([
      { key: 'pay.charges', label: 'charges', explain: 'Cards charged by the payment service.', value: 2, unit: '' },
      { key: 'pay.double.charges', label: 'double charges', explain: 'Orders charged more than once.', value: 1, unit: '' },
    ]);
    expect(english(groups[2].rows)[0]).toMatchObject({ label: 'lock unusable after the holder crashed', unit: 'ms' });
    expect(comparisons(groups)).toEqual([]);
  });

  it('puts the Redis and ZooKeeper locks of lock-showdown side by side', () => {
    const entry = builtin('lock-showdown')!;
    const parsed = parseScenario(entry.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const sim = buildSimulation(parsed.scenario);
    sim.runUntil(parsed.scenario.playback.untilMs);
    const [table, ...rest] = comparisons(groupMetrics(sim.metrics));
    expect(rest).toEqual([]);
    expect(table.families).toEqual(['redis-lock', 'zk-lock']);
    const row = (label: string) => table.rows.find((r) => inEnglish(r.label) === label)!.values;
    // The note's points as numbers: polling costs requests, a watch wakes exactly one waiter.
    expect(row('requests sent while waiting')[0]!).toBeGreaterThan(row('requests sent while waiting')[1]!);
    expect(row('waiters woken per handoff')[1]).toBe(1);
    expect(row('lock unusable after the holder crashed')[0]).toBeGreaterThan(0);
  });

  it('lines the four transaction patterns of tx-showdown up in one table', () => {
    const parsed = parseScenario(builtin('tx-showdown')!.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const sim = buildSimulation(parsed.scenario);
    sim.runUntil(parsed.scenario.playback.untilMs);
    const [table, ...rest] = comparisons(groupMetrics(sim.metrics));
    expect(rest).toEqual([]);
    expect(table.families).toEqual(['tx-2pc', 'tx-tcc', 'tx-saga', 'tx-msg']);
    const frozen = table.rows.find((r) => inEnglish(r.label) === 'money frozen')!;
    expect(frozen.values.map((v) => v! > 0)).toEqual([false, true, false, false]);
  });
});
