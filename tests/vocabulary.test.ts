import { beforeAll, describe, expect, it } from 'vitest';
import { english, inEnglish } from '@/engine/i18n/english';
import { makeFormatter } from '@/engine/i18n/format';
import { engineZh } from '@/engine/i18n/zh';
import { LIBRARY } from '@/engine/scenario/library';
import { LIBRARY_ZH } from '@/engine/scenario/library/zh';
import type { ScenarioText } from '@/engine/scenario/library/text';
import { en } from '@/engine/scenario/messages.en';
import { zh } from '@/engine/scenario/messages.zh';
import { METRICS, metricTerm, PARAMS, paramTerm, SHARED_METRICS, termText, withTerms, type TextPart } from '@/engine/scenario/vocabulary';
import { play } from '@/engine/testing/scenario';
import { fieldExplain, fieldLabel } from '@/components/panels/inspector/field-labels';
import { formatterFor } from '@/components/i18n/use-i18n';
import { groupMetrics, groupName } from '@/stores/metrics';

// One vocabulary (#20 §11): every parameter and metric a built-in uses has one human name and
// an explanation, in English and Chinese, and the About text, the inspector and the metrics tab
// all use it.

const problems: string[] = [];
const chinese = makeFormatter('zh', engineZh, (problem) => problems.push(problem));

// Every parameter, and those of an object-valued one (a limiter's `algorithm`, a program's
// `shape`); a database's `tables` hold table names, not parameters.
const params = new Set<string>();
const addParams = (o: object) => {
  for (const [k, v] of Object.entries(o)) {
    if (k !== 'program') params.add(k);
    if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'tables') addParams(v);
  }
};
for (const b of LIBRARY) for (const n of b.scenario.nodes) addParams(n.params ?? {});
const metrics = new Set<string>();
for (const b of LIBRARY) for (const m of Object.keys(play(b.id).metrics)) metrics.add(m);
const texts = LIBRARY.flatMap((b) => [b.description, b.watchFor, ...b.tryThis.map((t) => t.text)].map((text) => [b.id, text] as const));
const keyOf = (p: TextPart) => (typeof p === 'string' ? null : p.key);

// The page loads the vocabulary's English after its first paint; the inspector renders with it.
beforeAll(async () => {
  await formatterFor('en');
});

describe('one vocabulary', () => {
  it.each([...params].sort())('parameter %s has a name and an explanation in both languages, and the inspector shows them', (key) => {
    const term = paramTerm(key)!;
    expect(term).toBeDefined();
    expect(inEnglish(term.name).length).toBeGreaterThan(1);
    expect(inEnglish(term.explain).length).toBeGreaterThan(10);
    expect(fieldLabel(key).toLowerCase()).toBe(inEnglish(term.name).toLowerCase());
    expect(fieldExplain(key)).toBe(inEnglish(term.explain));
    expect(fieldLabel(key, {}, chinese)).toBe(chinese.say(term.name).replace(/^./, (c) => c.toUpperCase()));
    expect(fieldExplain(key, chinese)).toBe(chinese.say(term.explain));
    expect(chinese.say(term.explain)).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([...metrics].sort())('metric %s has a name and an explanation in both languages, and the metrics tab shows them', (key) => {
    const term = metricTerm(key)!;
    expect(term).toBeDefined();
    expect(inEnglish(term.name).length).toBeGreaterThan(1);
    expect(inEnglish(term.explain).length).toBeGreaterThan(10);
    const row = groupMetrics({ [key]: 1 })[0].rows[0];
    expect([row.label, row.explain]).toEqual([term.name, term.explain]);
    expect(chinese.say(term.name)).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese.say(term.explain)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has exactly the messages its lists name, and every one renders in Chinese', () => {
    const dashed = (k: string) => k.replace(/\./g, '-');
    const ids = [
      ...PARAMS.map((k) => `param-${k}`),
      ...SHARED_METRICS.map((k) => `metric-shared-${dashed(k)}`),
      ...METRICS.map((k) => `metric-${dashed(k)}`),
    ].flatMap((id) => [`${id}-name`, `${id}-explain`]);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = Object.keys(en).filter((id) => /^(param|metric)-.*-(name|explain)$/.test(id));
    expect(mine.sort()).toEqual([...ids].sort());
    for (const id of ids) chinese.t(`scenario.${id}`);
    expect(problems).toEqual([]);
    expect(Object.keys(zh).length).toBe(Object.keys(en).length);
  });

  it('names metric families, the generic link fields and a metric in ms in both languages', () => {
    expect([groupName('redis-lock'), groupName('tx-msg'), groupName('mystery')].map(inEnglish)).toEqual(['Redis lock', 'Tx message', 'mystery']);
    expect([groupName('redis-lock'), groupName('tx-msg')].map(chinese.say)).toEqual(['Redis 锁', '事务消息']);
    expect([fieldLabel('fifo'), fieldLabel('ms'), fieldLabel('fifo', {}, chinese), fieldLabel('ms', {}, chinese)]).toEqual(['Keep order (FIFO)', 'Latency', '保持顺序（FIFO）', '延迟']);
    const name = metricTerm('tx-2pc.locks.ms')!.name;
    expect([english.t('scenario.metric-in-ms', { name }), chinese.t('scenario.metric-in-ms', { name })]).toEqual(['row locks held (ms)', '行锁持有时间（ms）']);
    expect(problems).toEqual([]);
  });

  it('redis-lock.wait.requests and ttlMs read the same everywhere', () => {
    expect(inEnglish(metricTerm('redis-lock.wait.requests')!.name)).toBe('requests sent while waiting');
    expect(withTerms('Lower ttlMs to 1500 (redis-lock.wait.requests).')).toEqual([
      'Lower ',
      { key: 'ttlMs', term: paramTerm('ttlMs') },
      ' to 1500 (',
      { key: 'redis-lock.wait.requests', term: metricTerm('redis-lock.wait.requests') },
      ').',
    ]);
    expect(fieldLabel('ttlMs')).toBe('Lease (TTL)');
    expect(termText({ key: 'ttlMs', term: paramTerm('ttlMs')! }, english)).toEqual({
      name: 'lease (TTL)',
      hover: 'How long the lock key lives in Redis before it expires by itself, unless it is renewed (ms). (ttlMs)',
    });
  });

  it('finds the terms of a Chinese text by key and by their Chinese names', () => {
    const ttl = chinese.say(paramTerm('ttlMs')!.name);
    const session = chinese.say(paramTerm('sessionTimeoutMs')!.name);
    const waits = chinese.say(metricTerm('redis-lock.wait.requests')!.name);
    const parts = withTerms(`把 ttlMs 降到 1500，${session}调短，看${waits}。`, chinese);
    expect(parts.map(keyOf)).toEqual([null, 'ttlMs', null, 'sessionTimeoutMs', null, 'wait.requests', null]);
    expect(termText(parts[1] as Exclude<TextPart, string>, chinese)).toEqual({ name: ttl, hover: `${chinese.say(paramTerm('ttlMs')!.explain)}（ttlMs）` });
    // English text is searched for keys only: an English word is no term.
    expect(withTerms('the session timeout', chinese)).toEqual(['the session timeout']);
    expect(withTerms(`the ${session}`)).toEqual([`the ${session}`]);
  });

  it.each(texts)('%s: the notes name no parameter or metric by a raw key that has no human name (“%s”)', (_id, text) => {
    const raw = [...text.matchAll(/\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b|\b[a-z][a-z-]*(?:\.[a-z]+)+\b/g)].map((m) => m[0]);
    const known = (k: string) => params.has(k) || /Ms$/.test(k) || metrics.has(k);
    const unexplained = raw.filter((k) => known(k) && withTerms(k).some((p) => typeof p === 'string'));
    expect(unexplained).toEqual([]);
  });

  const zhTexts: [string, ScenarioText | null][] = Object.keys(LIBRARY_ZH).length ? Object.entries(LIBRARY_ZH) : [['none yet', null]];
  it.each(zhTexts)(
    '%s: the Chinese notes hover the terms the English ones do',
    (id, text) => {
      if (!text) return;
      const b = LIBRARY.find((x) => x.id === id)!;
      const terms = (s: string, f?: typeof chinese) => new Set(withTerms(s, f).flatMap((p) => (typeof p === 'string' ? [] : [inEnglish(p.term.name)])));
      const pairs: [string, string][] = [
        [b.description, text.description],
        [b.watchFor, text.watchFor],
        ...b.tryThis.map((t, i) => [t.text, text.tryThis[i] ?? ''] as [string, string]),
      ];
      const missing = pairs.flatMap(([english, zhText]) => {
        const found = terms(zhText, chinese);
        return [...terms(english)].filter((t) => !found.has(t)).map((t) => `${t} in “${zhText}”`);
      });
      expect(missing).toEqual([]);
    },
  );
});
