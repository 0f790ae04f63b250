import { describe, expect, it } from 'vitest';
import { LIBRARY } from '@/engine/scenario/library';
import { metricTerm, paramTerm, withTerms } from '@/engine/scenario/vocabulary';
import { play } from '@/engine/testing/scenario';
import { fieldExplain, fieldLabel } from '@/components/panels/inspector/field-labels';
import { groupMetrics } from '@/stores/metrics';

// One vocabulary (#20 §11): every parameter and metric a built-in uses has one human name and
// an explanation, and the About text, the inspector and the metrics tab all use it.

const params = new Set<string>();
for (const b of LIBRARY) {
  for (const n of b.scenario.nodes) {
    for (const [k, v] of Object.entries(n.params ?? {})) {
      if (k === 'program') for (const pk of Object.keys(v as object)) params.add(pk);
      else params.add(k);
    }
  }
}
const metrics = new Set<string>();
for (const b of LIBRARY) for (const m of Object.keys(play(b.id).metrics)) metrics.add(m);
const texts = LIBRARY.flatMap((b) => [b.description, b.watchFor, ...b.tryThis.map((t) => t.text)].map((text) => [b.id, text] as const));

describe('one vocabulary', () => {
  it.each([...params].sort())('parameter %s has a name and an explanation, and the inspector shows them', (key) => {
    const term = paramTerm(key);
    expect(term?.name.length ?? 0).toBeGreaterThan(1);
    expect(term?.explain.length ?? 0).toBeGreaterThan(10);
    expect(fieldLabel(key).toLowerCase()).toBe(term!.name.toLowerCase());
    expect(fieldExplain(key)).toBe(term!.explain);
  });

  it.each([...metrics].sort())('metric %s has a name and an explanation, and the metrics tab shows them', (key) => {
    const term = metricTerm(key);
    expect(term?.name.length ?? 0).toBeGreaterThan(1);
    expect(term?.explain.length ?? 0).toBeGreaterThan(10);
    const row = groupMetrics({ [key]: 1 })[0].rows[0];
    expect([row.label, row.explain]).toEqual([term!.name, term!.explain]);
  });

  it('redis-lock.wait.requests and ttlMs read the same everywhere', () => {
    expect(metricTerm('redis-lock.wait.requests')!.name).toBe('requests sent while waiting');
    expect(withTerms('Lower ttlMs to 1500 (redis-lock.wait.requests).')).toEqual([
      'Lower ',
      { key: 'ttlMs', term: paramTerm('ttlMs') },
      ' to 1500 (',
      { key: 'redis-lock.wait.requests', term: metricTerm('redis-lock.wait.requests') },
      ').',
    ]);
    expect(fieldLabel('ttlMs')).toBe('Lease (TTL)');
  });

  it.each(texts)('%s: the notes name no parameter or metric by a raw key that has no human name (“%s”)', (_id, text) => {
    const raw = [...text.matchAll(/\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b|\b[a-z][a-z-]*(?:\.[a-z]+)+\b/g)].map((m) => m[0]);
    const known = (k: string) => params.has(k) || /Ms$/.test(k) || metrics.has(k);
    const unexplained = raw.filter((k) => known(k) && withTerms(k).some((p) => typeof p === 'string'));
    expect(unexplained).toEqual([]);
  });
});
