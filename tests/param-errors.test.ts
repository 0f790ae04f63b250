import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uiZh } from '@/components/i18n/ui-zh';
import { parseZkLine } from '@/engine/clients/zookeeper/zkcli';
import { paramErrors, paramErrorSay } from '@/engine/core/param-error';
import { isPhrase } from '@/engine/core/phrase';
import { inEnglish, englishProblems } from '@/engine/i18n/english';
import { makeFormatter } from '@/engine/i18n/format';
import { engineZh } from '@/engine/i18n/zh';
import { NODE_KINDS } from '@/engine/models/catalog';
import { PROGRAM_KINDS } from '@/engine/patterns/catalog';
import { issueMessage, issueSay } from '@/engine/scenario/errors';
import { linkParamsSchema, scenarioV1 } from '@/engine/scenario/schema';

/** The files whose zod messages the inspector shows (or the scenario format's, which share them). */
function schemaFiles(): string[] {
  const out = ['engine/patterns/lock-params.ts', 'engine/scenario/schema.ts', 'engine/clients/zookeeper/zkcli.ts'];
  for (const root of ['engine/models', 'engine/patterns']) {
    for (const dir of readdirSync(root)) {
      const f = join(root, dir, 'params.ts');
      if (existsSync(f)) out.push(f);
    }
  }
  return out;
}

const zhProblems: string[] = [];
const zh = makeFormatter('zh', { ...engineZh, ui: uiZh }, (p) => zhProblems.push(p));

describe('parameter validation messages', () => {
  it('are all made by engine/core/param-error, never written as a bare string', () => {
    const bare: string[] = [];
    for (const f of schemaFiles()) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\b(error|message)\s*:\s*['"`]/.test(line) || /return\s+['"`]/.test(line)) bare.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(bare).toEqual([]);
  });

  it('read in English exactly as the string zod is given, and have a Chinese text', () => {
    // Loading every kind's schema (and a zkCli line of each problem) makes every message.
    expect(Object.keys(NODE_KINDS).length + Object.keys(PROGRAM_KINDS).length).toBeGreaterThan(20);
    expect(scenarioV1).toBeDefined();
    for (const bad of ['', 'frobnicate /x', 'create x', 'delete /x v', 'set /x', 'set /x d v', 'sleep soon']) expect(typeof parseZkLine(bad)).toBe('string');
    const known = [...paramErrors()];
    expect(known.length).toBeGreaterThan(60);
    const differ = known.filter(([english, phrase]) => inEnglish(phrase) !== english).map(([english, phrase]) => `${english} / ${inEnglish(phrase)}`);
    expect(differ).toEqual([]);
    const untranslated = known.filter(([english, phrase]) => zh.say(phrase) === english).map(([english]) => english);
    expect(untranslated).toEqual([]);
    expect(englishProblems).toEqual([]);
    expect(zhProblems).toEqual([]);
  });

  it('fall back to the string itself when it was not made by param-error', () => {
    expect(paramErrorSay('ERR syntax error')).toBe('ERR syntax error');
  });
});

describe('issueSay', () => {
  const schema = z
    .object({
      n: z.number().min(0),
      m: z.number().max(5),
      s: z.string().min(2),
      a: z.array(z.number()).max(1),
      e: z.enum(['x', 'y', 'z']),
      lit: z.literal(3),
      u: z.union([z.string(), z.boolean()]),
    })
    .strict();
  const bad = { n: -1, m: 9, s: 'a', a: [1, 2], e: 'w', lit: 4, u: 7, extra: 1, more: 2 };

  it('tells every generic problem as a phrase that reads as issueMessage’s English', () => {
    const r = schema.safeParse(bad, { error: issueMessage, reportInput: true });
    expect(r.success).toBe(false);
    const issues = r.error!.issues;
    expect(issues.length).toBeGreaterThan(6);
    for (const iss of issues) {
      const said = issueSay(iss);
      expect(isPhrase(said), iss.message).toBe(true);
      expect(inEnglish(said)).toBe(iss.message);
      expect(zh.say(said)).not.toBe(iss.message);
    }
    const wrongType = z.object({ k: z.number() }).safeParse({ k: 'text' }, { error: issueMessage, reportInput: true });
    const iss = wrongType.error!.issues[0];
    expect(iss.message).toBe('expected a number, got a string');
    expect(inEnglish(issueSay(iss))).toBe(iss.message);
    expect(zhProblems).toEqual([]);
  });

  it('tells a schema’s own message in the reader’s language', () => {
    const r = linkParamsSchema.safeParse({ loss: 2 }, { error: issueMessage, reportInput: true });
    const iss = r.error!.issues[0];
    expect(iss.message).toBe('expected a probability from 0 to 1');
    expect(zh.say(issueSay(iss))).toBe(zh.t('core.paramProbability'));
  });
});
