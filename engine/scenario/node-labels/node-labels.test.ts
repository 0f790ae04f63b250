import { describe, expect, it } from 'vitest';
import { NODE_MANIFESTS } from '../../models/catalog';
import { LIBRARY } from '../library';
import { translateLabel } from './translate';
import { LABELS_ZH } from './zh';

/** Labels that are names or code, the same in Chinese: people, hosts, ids, commands. */
const NAMES = new Set([
  ...['alice', 'bob', 'carol', 'dave', 'mallory', 'alipay', 'redis', 'zookeeper', 'app1', 'app2'],
  ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'm1', 'm2', 'm3', 'm4', 'm5', 'r1', 'r2', 'r3', 's1', 's2', 's3', 'z1', 'z2', 'z3'],
  ...['bank-a', 'bank-b', 'order-db', 'pay-db', 'ship-db', 'stock-db', 'pay-service', 'checkout-2', 'bank-b DBA'],
  ...['2PC bank-a', '2PC bank-b', 'TCC bank-a', 'TCC bank-b', 'Saga bank-a', 'Saga bank-b'],
  ...['Guava tryAcquire', 'create(5) acquire()', 'create(5) tryAcquire()', 'create(5, 2 s) acquire()', 'redis sentinel'],
]);

const builtinLabels = [...new Set(LIBRARY.flatMap((b) => b.scenario.nodes.map((n) => n.label ?? n.id)))];
const newNodeLabels = NODE_MANIFESTS.map((k) => k.title.toLowerCase());

describe('node labels in Chinese', () => {
  it('has every built-in label and every new node’s label, unless it is a name (numbered or not)', () => {
    const missing = [...builtinLabels, ...newNodeLabels].filter((l) => !NAMES.has(l.replace(/ \d+$/, '')) && translateLabel(l, LABELS_ZH) === l);
    expect(missing).toEqual([]);
  });

  it('keeps no translation nothing uses', () => {
    const used = new Set([...builtinLabels, ...newNodeLabels, ...builtinLabels.map((l) => l.replace(/ \d+$/, ''))]);
    expect(Object.keys(LABELS_ZH).filter((k) => !used.has(k))).toEqual([]);
  });

  it('translates a numbered label by its name and leaves other text alone', () => {
    expect(translateLabel('app service 2', LABELS_ZH)).toBe('应用服务 2');
    expect(translateLabel('gateway 1', LABELS_ZH)).toBe('网关 1');
    expect(translateLabel('my own service', LABELS_ZH)).toBe('my own service');
    expect(translateLabel('toString', LABELS_ZH)).toBe('toString');
    expect(translateLabel('c1', LABELS_ZH)).toBe('c1');
  });
});
