import { metricTerm } from '@/engine/scenario/vocabulary';
import type { PlaybackState } from './playback-store';

/** One counter or gauge a run reported, ready to show. */
export interface MetricRow {
  key: string;
  /** Its name in the one vocabulary (engine/scenario/vocabulary.ts), or its key in words. */
  label: string;
  /** What it counts, for the hover. */
  explain: string;
  value: number;
  /** 'ms' when the name ends in `.ms`. */
  unit: 'ms' | '';
}

/** A family of metrics sharing a prefix (`redis-lock.*`, `pay.*`). */
export interface MetricGroup {
  prefix: string;
  rows: MetricRow[];
}

/** Two families measuring the same things, side by side (the Redis lock vs the ZooKeeper lock). */
export interface MetricComparison {
  left: string;
  right: string;
  rows: { label: string; explain: string; unit: 'ms' | ''; left: number | null; right: number | null }[];
}


const NAMES: Record<string, string> = { 'redis-lock': 'Redis lock', 'zk-lock': 'ZooKeeper lock', redis: 'Redis', zk: 'ZooKeeper', pay: 'Payments', watch: 'Watches', storage: 'Storage', app: 'App services', auth: 'Auth', lb: 'Load balancer' };

/** The run's metrics at one moment, as the metrics panel shows them. */
export interface MetricsView {
  groups: MetricGroup[];
  tables: MetricComparison[];
  /** Virtual time they were read at (ms). */
  time: number;
}

/** What a metric family is called on screen. */
export const groupName = (prefix: string) => NAMES[prefix] ?? prefix;

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
 * Pairs of families that measure at least three of the same things — the shape of a showdown
 * scenario, where the same workload runs against two implementations — as comparison tables.
 */
export function comparisons(groups: readonly MetricGroup[]): MetricComparison[] {
  const out: MetricComparison[] = [];
  const used = new Set<string>();
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i];
      const b = groups[j];
      if (used.has(a.prefix) || used.has(b.prefix)) continue;
      const restA = new Map(a.rows.map((r) => [split(r.key)[1], r]));
      const restB = new Map(b.rows.map((r) => [split(r.key)[1], r]));
      const shared = [...restA.keys()].filter((k) => restB.has(k));
      if (shared.length < 3) continue;
      const names = [...new Set([...restA.keys(), ...restB.keys()])].sort();
      out.push({
        left: a.prefix,
        right: b.prefix,
        rows: names.map((k) => {
          const r = restA.get(k) ?? restB.get(k)!;
          return { label: r.label, explain: r.explain, unit: r.unit, left: restA.get(k)?.value ?? null, right: restB.get(k)?.value ?? null };
        }),
      });
      used.add(a.prefix).add(b.prefix);
    }
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
