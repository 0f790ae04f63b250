'use client';

import { useState } from 'react';
import { orientLink } from '@/stores/connect-rules';
import { usePlayback, usePlaybackStore } from '@/stores/playback-context';
import { withLink, withoutElements } from '@/stores/scenario-edits';
import { selectLabels, selectScenario } from '@/stores/selectors';
import { CloseIcon } from '../../ui/icons';
import { iconButton } from '../../ui/styles';
import { useI18n } from '../../i18n/use-i18n';
import { problemSay } from '@/engine/scenario/problems';

/**
 * A node's links, each removable, and a way to add one by choosing the other end: linking
 * without dragging a handle, for keyboards and small touch screens. The same rules as on the
 * canvas apply, and a refused link says why.
 */
export function LinksSection({ id }: { id: string }) {
  const scenario = usePlayback(selectScenario);
  const labels = usePlayback(selectLabels);
  const playback = usePlaybackStore();
  const [problem, setProblem] = useState<string | null>(null);
  const links = scenario.edges.filter((e) => e.source === id || e.target === id);
  const others = scenario.nodes.filter((n) => n.id !== id && !links.some((e) => e.source === n.id || e.target === n.id));
  const name = (n: string) => labels[n] ?? n;
  const { t, say } = useI18n();
  const link = (other: string) => {
    if (!other) return;
    const st = playback.getState();
    const r = withLink(st.scenario, id, other, st.labels);
    if (!r.ok) return setProblem(say(r.reason));
    const applied = st.apply(r.scenario);
    setProblem(applied.ok ? null : say(problemSay(applied.errors[0])));
  };
  return (
    <div className="space-y-2">
      {links.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('ui.panels-inspector.notLinked')}</p>
      ) : (
        <ul className="space-y-1" data-testid="inspector-links">
          {links.map((e) => {
            const other = e.source === id ? e.target : e.source;
            return (
              <li key={e.id} className="flex items-center gap-2 rounded-md border border-slate-200 py-0.5 pr-0.5 pl-2 text-sm dark:border-slate-700">
                <span className="min-w-0 flex-1 truncate">↔ {name(other)}</span>
                <button
                  type="button"
                  aria-label={t('ui.panels-inspector.unlink', { name: name(other) })}
                  onClick={() => {
                    const st = playback.getState();
                    st.apply(withoutElements(st.scenario, [], [e.id]));
                  }}
                  className={iconButton}
                >
                  <CloseIcon width={14} height={14} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <label className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
          {t('ui.panels-inspector.linkTo')}
          <select
            data-testid="inspector-link-to"
            value=""
            onChange={(e) => link(e.target.value)}
            className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-950"
          >
            <option value="">{t('ui.panels-inspector.chooseNode')}</option>
            {others.map((n) => (
              <option key={n.id} value={n.id}>
                {labels[n.id] ?? n.id}
                {orientLink(scenario, id, n.id).ok ? '' : t('ui.panels-inspector.cannotLink')}
              </option>
            ))}
          </select>
        </label>
      )}
      {problem && (
        <p role="alert" data-testid="inspector-link-problem" className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </div>
  );
}
