import type { Intervention } from '@/engine/core/faults';
import { p, type Arg, type Phrase } from '@/engine/core/phrase';
import type { Formatter } from '@/engine/i18n/format';
import type { Scenario } from '@/engine/scenario/schema';
import { currentFormatter } from '../i18n/use-i18n';

/** A link as people see it: "client ↔ redis". */
export function linkName(s: Scenario, labels: Readonly<Record<string, string>>, edgeId: string): string {
  const e = s.edges.find((x) => x.id === edgeId);
  return e ? `${labels[e.source] ?? e.source} ↔ ${labels[e.target] ?? e.target}` : edgeId;
}

/** An intervention in words, with the canvas's names for its node or link, as a phrase. */
export function interventionSay(iv: Intervention, s: Scenario, labels: Readonly<Record<string, string>>): Phrase {
  const t = (key: string, args?: Record<string, Arg>) => p(`ui.panels.iv-${key}`, args);
  switch (iv.kind) {
    case 'crash':
    case 'restart':
      return t(iv.kind, { node: labels[iv.node] ?? iv.node });
    case 'pause':
      return t('pause', { node: labels[iv.node] ?? iv.node, ms: iv.durationMs });
    case 'skew':
      return t('skew', { node: labels[iv.node] ?? iv.node, delta: `${iv.deltaMs > 0 ? '+' : ''}${iv.deltaMs}` });
    case 'drift':
      return t('drift', { node: labels[iv.node] ?? iv.node, drift: iv.drift });
    case 'partition':
    case 'heal':
      return t(iv.kind, { link: linkName(s, labels, iv.edge) });
    case 'link': {
      const parts: Phrase[] = [];
      if (iv.loss !== undefined) parts.push(t('loss', { value: iv.loss }));
      if (iv.duplicate !== undefined) parts.push(t('duplicate', { value: iv.duplicate }));
      if (iv.extraLatencyMs !== undefined) parts.push(t('latency', { ms: iv.extraLatencyMs }));
      return t('link', { link: linkName(s, labels, iv.edge), parts: parts.reduce<Phrase | undefined>((a, b) => (a ? t('comma', { a, b }) : b), undefined) ?? t('noChange') });
    }
  }
}

/** An intervention in words, with the canvas's names for its node or link, in the reader's language. */
export function interventionText(iv: Intervention, s: Scenario, labels: Readonly<Record<string, string>>, f: Formatter = currentFormatter()): string {
  return f.say(interventionSay(iv, s, labels));
}

/** The tag of an intervention that is part of the scenario (its lesson). */
export const scenarioTone = 'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-100';
/** The tag of an intervention the visitor added. */
export const userTone = 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100';
