import { p, type Say } from '@/engine/core/phrase';
import { metricTerm } from '@/engine/scenario/vocabulary';
import type { PlaybackState } from './playback-store';

/** One counter or gauge a run reported, ready to show. */
export interface MetricRow {
  key: string;
  /** Its name in the one vocabulary (engine/scenario/vocabulary.ts), or its key in words. */
  label: Say;
  /** What it counts, for the hover (its key when the vocabulary has no word for it). */
  explain: Say;
  value: number;
  /** 'ms' when the name ends in `.ms`. */
  unit: 'ms' | '';
}

/** A family of metrics sharing a prefix (`redis-lock.*`, `pay.*`). */
export interface MetricGroup {
  prefix: string;
  rows: MetricRow[];
}

/** Families measuring the same things, side by side (the Redis lock vs the ZooKeeper lock; four transaction patterns). */
export interface MetricComparison {
  families: string[];
  /** One value per family, in the order of `families` (null: that family has not reported it). */
  rows: { key: string; label: Say; explain: Say; unit: 'ms' | ''; values: (number | null)[] }[];
}


/** Families with a name of their own (`scenario.family-<prefix>`), in the order tables list them. */
const NAMED = ['redis-lock', 'zk-lock', 'redis', 'zk', 'pay', 'watch', 'storage', 'app', 'auth', 'lb', 'tx-2pc', 'tx-1pc', 'tx-tcc', 'tx-saga', 'tx-msg'];

/** The run's metrics at one moment, as the metrics panel shows them. */
export interface MetricsView {
  groups: MetricGroup[];
  tables: MetricComparison[];
  /** Virtual time they were read at (ms). */
  time: number;
}

const rank = (prefix: string) => (NAMED.includes(prefix) ? NAMED.indexOf(prefix) : NAMED.length);

/** What a metric family is called on screen (its prefix when it has no name). */
export const groupName = (prefix: string): Say => (NAMED.includes(prefix) ? p(`scenario.family-${prefix}`) : prefix);

function split(key: string): [string, string] {
  const dot = key.indexOf('.');
  return dot < 0 ? [key, key] : [key.slice(0, dot), key.slice(dot + 1)];
}

const rowOf = (key: string, value: number): MetricRow => {
  const term = metricTerm(key);
  return { key, label: term?.name ?? split(key)[1].replace(/\./g, ' '), explain: term?.explain ?? key, value, unit: key.endsWith('.ms') ? 'ms' : '' };
};

/** Groups a run's metrics by prefix, in a stable order (prefixes and names sorted). */
export function groupMetrics(metrics: Readonly<Record<string, number>>): MetricGroup[] {
  const groups = new Map<string, MetricRow[]>();
  for (const key of Object.keys(metrics).sort()) {
    const [prefix] = split(key);
    if (!groups.has(prefix)) groups.set(prefix, []);
    groups.get(prefix)!.push(rowOf(key, metrics[key]));
  }
  return [...groups].map(([prefix, rows]) => ({ prefix, rows }));
}

/**
 * Families that measure at least three of the same things as the first of them — the shape of
 * a showdown scenario, where the same workload runs against two or more implementations — as
 * comparison tables, one column per family.
 */
export function comparisons(groups: readonly MetricGroup[]): MetricComparison[] {
  const out: MetricComparison[] = [];
  const used = new Set<string>();
  const rest = (g: MetricGroup) => new Map(g.rows.map((r) => [split(r.key)[1], r]));
  for (let i = 0; i < groups.length; i++) {
    if (used.has(groups[i].prefix)) continue;
    const first = rest(groups[i]);
    const members = [groups[i], ...groups.slice(i + 1).filter((g) => !used.has(g.prefix) && [...rest(g).keys()].filter((k) => first.has(k)).length >= 3)];
    if (members.length < 2) continue;
    // Known families in the order NAMED lists them (2PC, TCC, Saga, then the message), others after.
    members.sort((a, b) => rank(a.prefix) - rank(b.prefix));
    const maps = members.map(rest);
    const names = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
    out.push({
      families: members.map((g) => g.prefix),
      rows: names.map((k) => {
        const r = maps.find((m) => m.has(k))!.get(k)!;
        return { key: k, label: r.label, explain: r.explain, unit: r.unit, values: maps.map((m) => m.get(k)?.value ?? null) };
      }),
    });
    for (const g of members) used.add(g.prefix);
  }
  return out;
}

// Here rather than in selectors.ts: only the metrics panel, a tab loaded when opened, reads
// metrics, and this module's tables would otherwise ship with the page.

const metricsAt = new WeakMap<PlaybackState['sim'], { steps: number; view: MetricsView }>();

/**
 * The run's metrics at the cursor, grouped, with the time they were read. Metrics change only
 * with steps, so this is the same object until the cursor crosses an event (cached per run).
 */
export function selectMetrics(s: PlaybackState): MetricsView {
  const hit = metricsAt.get(s.sim);
  if (hit && hit.steps === s.steps) return hit.view;
  const groups = groupMetrics({ ...s.sim.metrics });
  const view = { groups, tables: comparisons(groups), time: s.time };
  metricsAt.set(s.sim, { steps: s.steps, view });
  return view;
}
