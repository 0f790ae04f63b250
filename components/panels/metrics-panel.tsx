'use client';

import { groupName, selectMetrics, type MetricGroup } from '@/stores/metrics';
import { usePlayback } from '@/stores/playback-context';

import { sectionTitle } from '../ui/styles';
import { useI18n } from '../i18n/use-i18n';

const NUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const show = (v: number | null, unit: 'ms' | '') => (v === null ? '—' : unit === 'ms' ? `${NUM.format(v)} ms` : NUM.format(v));

function Group({ g }: { g: MetricGroup }) {
  const { say, t } = useI18n();
  return (
    <section aria-labelledby={`metrics-${g.prefix}`}>
      <h3 id={`metrics-${g.prefix}`} className={`${sectionTitle} mb-1`}>
        {say(groupName(g.prefix))}
      </h3>
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5 text-sm">
        {g.rows.map((r) => (
          <div key={r.key} className="contents" data-testid="metric" data-key={r.key}>
            <dt className="cursor-help text-slate-600 dark:text-slate-400" title={t('scenario.term-hover', { explain: r.explain, key: r.key })}>
              {say(r.label)}
            </dt>
            <dd className="text-right font-mono text-slate-900 tabular-nums dark:text-slate-100">{show(r.value, r.unit)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * The run's counters and gauges at the cursor, grouped by what reports them. Families that
 * measure the same things (the Redis and ZooKeeper locks of a showdown) also get a side-by-side
 * table. They follow the cursor: scrub back and they go back too.
 */
export default function MetricsPanel() {
  const { groups, tables, time } = usePlayback(selectMetrics);
  const { say, t: tr } = useI18n();
  if (groups.length === 0) {
    return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">{tr('ui.panels.metrics-none')}</p>;
  }
  return (
    <div className="space-y-5 px-4 py-3" data-testid="metrics-panel">
      {tables.map((t, ti) => {
        // Beyond two columns the unit moves into the row's name, so four numbers fit a phone.
        const wide = t.families.length > 2;
        return (
          <section key={t.families.join('-')} aria-labelledby={`metrics-compare-${ti}`}>
            <h3 id={`metrics-compare-${ti}`} className={`${sectionTitle} mb-1`}>
              {tr('ui.panels.metrics-compare', { time: NUM.format(time) })}
            </h3>
            <table className={`w-full ${wide ? 'text-xs' : 'text-sm'}`} data-testid="metrics-comparison">
              <thead>
                <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
                  <th scope="col" className="py-1 font-medium">
                    <span className="sr-only">{tr('ui.panels.metrics-metric')}</span>
                  </th>
                  {t.families.map((f, i) => (
                    <th key={f} scope="col" className={`py-1 text-right font-medium ${i > 0 ? 'pl-2' : ''}`}>
                      {say(groupName(f))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {t.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row" title={say(r.explain)} className="cursor-help py-1 pr-2 text-left font-normal text-slate-600 dark:text-slate-400">
                      {wide && r.unit === 'ms' ? tr('scenario.metric-in-ms', { name: r.label }) : say(r.label)}
                    </th>
                    {r.values.map((v, i) => (
                      <td key={t.families[i]} className={`py-1 text-right font-mono whitespace-nowrap tabular-nums ${i > 0 ? 'pl-2' : ''}`}>
                        {show(v, wide ? '' : r.unit)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      {groups.map((g) => (
        <Group key={g.prefix} g={g} />
      ))}
    </div>
  );
}
