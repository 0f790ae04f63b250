import { p, type Say } from '@/engine/core/phrase';
import type { Formatter } from '@/engine/i18n/format';
import { paramTerm } from '@/engine/scenario/vocabulary';
import { currentFormatter } from '@/components/i18n/use-i18n';

/** How a form shows one parameter: a label people read instead of its name, and a unit. */
export interface FieldText {
  label?: Say;
  /** Verbatim when it is a symbol (`ms`, `0–1`); a phrase when it is a word (`per s`, `ticks`). */
  unit?: Say;
}

/** Parameter name -> how it is shown. */
export type FieldTable = Readonly<Record<string, FieldText>>;

/**
 * The generic parameters every form may have (a link's, a latency's), and the names that splitting
 * the camelCase would leave in English, whatever form they are in. A kind's own parameters are labelled in its UI manifest
 * (components/nodes/<kind>/index.tsx), a program's in components/nodes/programs.ts.
 */
const GENERIC: FieldTable = {
  fifo: { label: p('scenario.field-fifo-label') },
  partitioned: { label: p('scenario.field-partitioned-label') },
  jitterMs: { label: p('scenario.field-jitterMs-label') },
  loss: { label: p('scenario.field-loss-label'), unit: '0–1' },
  duplicate: { label: p('scenario.field-duplicate-label'), unit: '0–1' },
  minMs: { label: p('scenario.field-minMs-label') },
  maxMs: { label: p('scenario.field-maxMs-label') },
  meanMs: { label: p('scenario.field-meanMs-label') },
  stdMs: { label: p('scenario.field-stdMs-label') },
  ms: { label: p('scenario.field-ms-label'), unit: 'ms' },
  program: { label: p('scenario.field-program-label') },
  latency: { label: p('scenario.field-latency-label') },
  transport: { label: p('scenario.field-transport-label') },
  tcpRetries: { label: p('scenario.field-tcpRetries-label') },
  replicaPriority: { label: p('scenario.field-replicaPriority-label') },
  minSessionTimeout: { label: p('scenario.field-minSessionTimeout-label') },
  maxSessionTimeout: { label: p('scenario.field-maxSessionTimeout-label') },
  containerCheckIntervalMs: { label: p('scenario.field-containerCheckIntervalMs-label') },
  resultTtlMs: { label: p('scenario.field-resultTtlMs-label') },
  checkParams: { label: p('scenario.field-checkParams-label') },
  zkPath: { label: p('scenario.field-zkPath-label') },
  secret: { label: p('scenario.field-secret-label') },
  backends: { label: p('scenario.field-backends-label') },
  id: { label: p('scenario.field-id-label') },
  from: { label: p('scenario.field-from-label') },
  to: { label: p('scenario.field-to-label') },
  gid: { label: p('scenario.field-gid-label') },
  branches: { label: p('scenario.field-branches-label') },
  svc: { label: p('scenario.field-svc-label') },
  consumeTimeoutMs: { label: p('scenario.field-consumeTimeoutMs-label') },
  flushConsumerOffsetIntervalMs: { label: p('scenario.field-flushConsumerOffsetIntervalMs-label') },
  retryScheduleMs: { label: p('scenario.field-retryScheduleMs-label') },
  loop: { label: p('scenario.field-loop-label') },
  watchdog: { label: p('scenario.field-watchdog-label') },
  abortOnLost: { label: p('scenario.field-abortOnLost-label') },
  sortChildren: { label: p('scenario.field-sortChildren-label') },
  value: { label: p('scenario.field-value-label') },
  relogin: { label: p('scenario.field-relogin-label') },
  heartbeatMs: { label: p('scenario.field-heartbeatMs-label') },
  reconnectMs: { label: p('scenario.field-reconnectMs-label') },
  customer: { label: p('scenario.field-customer-label') },
  qty: { label: p('scenario.field-qty-label') },
  topic: { label: p('scenario.field-topic-label') },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A field's label in `f`'s language (by default the reader's): its name in the one vocabulary
 * (engine/scenario/vocabulary.ts, which the About text and the metrics use too), the kind's own
 * (`table`), a generic one, or its name in words ("sessionTimeoutMs" -> "Session timeout").
 */
export function fieldLabel(name: string, table: FieldTable = {}, f: Formatter = currentFormatter()): string {
  const term = paramTerm(name);
  if (term) return capital(f.say(term.name));
  const named = (Object.hasOwn(table, name) ? table[name].label : undefined) ?? (Object.hasOwn(GENERIC, name) ? GENERIC[name].label : undefined);
  if (named) return f.say(named);
  const words = name
    .replace(/Ms$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return capital(words);
}

/** What a field means in `f`'s language, for its hover (from the vocabulary), if it is explained. */
export function fieldExplain(name: string, f: Formatter = currentFormatter()): string | undefined {
  const term = paramTerm(name);
  return term && f.say(term.explain);
}

/** A field's unit: the kind's own, a generic one, from its name ("…Ms" is milliseconds), or ''. */
export function fieldUnit(name: string, table: FieldTable = {}, f: Formatter = currentFormatter()): string {
  const named = (Object.hasOwn(table, name) ? table[name].unit : undefined) ?? (Object.hasOwn(GENERIC, name) ? GENERIC[name].unit : undefined);
  return named !== undefined ? f.say(named) : /Ms$/.test(name) ? 'ms' : '';
}
