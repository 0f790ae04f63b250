'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import type { ReactNode, SVGProps } from 'react';
import { usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { selectLegend } from '@/stores/ui-selectors';
import { command, hint } from '../panels/commands';
import { CloseIcon } from '../ui/icons';
import { iconButton } from '../ui/styles';

const dot = 'inline-block h-3 w-3 shrink-0 rounded-full ring-2 ring-white dark:ring-slate-900';

/** One swatch and what it means. */
function Row({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2.5">
      <span className="grid w-8 shrink-0 place-items-center" aria-hidden>
        {swatch}
      </span>
      <span className="min-w-0">{children}</span>
    </li>
  );
}

/** A short stretch of link, drawn as the canvas draws it. */
const Line = ({ style }: { style: SVGProps<SVGLineElement> }) => (
  <svg width={32} height={10} viewBox="0 0 32 10">
    <line x1={1} y1={5} x2={31} y2={5} stroke="#94a3b8" strokeWidth={2} strokeLinecap="round" {...style} />
  </svg>
);

/** What the canvas's dots, lines, frames and the timeline's marks mean. */
function LegendBody({ close }: { close(): void }) {
  const { t } = useI18n();
  return (
    <div
      role="dialog"
      aria-labelledby="legend-title"
      data-testid="legend"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
      className="absolute top-10 right-0 z-20 w-72 rounded-xl border border-slate-200 bg-white p-3 text-xs text-slate-700 shadow-xl shadow-slate-900/10 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:shadow-black/40"
    >
      <div className="mb-2 flex items-center">
        <h2 id="legend-title" className="flex-1 text-sm font-semibold text-slate-900 dark:text-slate-100">
          {t('ui.canvas.legend_title')}
        </h2>
        <button type="button" onClick={close} aria-label={t('ui.canvas.legend_close')} className={iconButton}>
          <CloseIcon width={14} height={14} />
        </button>
      </div>
      <p className="mb-1 font-semibold text-slate-500 dark:text-slate-400">{t('ui.canvas.legend_messages')}</p>
      <ul className="mb-2.5 space-y-1.5">
        <Row swatch={<span className={`${dot} bg-wire-out`} />}>{t('ui.canvas.legend_request')}</Row>
        <Row swatch={<span className={`${dot} bg-wire-back`} />}>{t('ui.canvas.legend_reply')}</Row>
        <Row swatch={<span className={`${dot} bg-red-500`} />}>{t('ui.canvas.legend_lost')}</Row>
      </ul>
      <p className="mb-1 font-semibold text-slate-500 dark:text-slate-400">{t('ui.canvas.legend_links')}</p>
      <ul className="mb-2.5 space-y-1.5">
        <Row swatch={<Line style={{}} />}>{t('ui.canvas.legend_link')}</Row>
        <Row swatch={<Line style={{ strokeWidth: 3 }} />}>{t('ui.canvas.legend_thicker')}</Row>
        <Row swatch={<Line style={{ stroke: '#dc2626', strokeDasharray: '5 4' }} />}>{t('ui.canvas.legend_cut')}</Row>
        <Row swatch={<Line style={{ stroke: '#6366f1', strokeWidth: 3 }} />}>{t('ui.canvas.legend_pointed')}</Row>
      </ul>
      <p className="mb-1 font-semibold text-slate-500 dark:text-slate-400">{t('ui.canvas.legend_cards')}</p>
      <ul className="space-y-1.5">
        <Row swatch={<span className="h-3.5 w-6 rounded border-2 border-red-500 bg-red-50 dark:bg-red-950/60" />}>{t('ui.canvas.legend_crashed')}</Row>
        <Row swatch={<span className="h-3.5 w-6 rounded border-2 border-dashed border-amber-500 bg-amber-50 dark:bg-amber-950/40" />}>{t('ui.canvas.legend_paused')}</Row>
        <Row swatch={<span className="h-2.5 w-2.5 rotate-45 rounded-[2px] border border-violet-800 bg-violet-500 dark:border-violet-200" />}>{t('ui.canvas.legend_scenarioFault')}</Row>
        <Row swatch={<span className="h-2.5 w-2.5 rotate-45 rounded-[2px] border border-amber-700 bg-amber-400 dark:border-amber-300" />}>{t('ui.canvas.legend_userFault')}</Row>
        <Row swatch={<span className="h-3 w-1.5 rounded-sm bg-red-600 dark:bg-red-500" />}>{t('ui.canvas.legend_broke')}</Row>
      </ul>
    </div>
  );
}

/** The legend's button over the canvas, and the legend while it is open (key K). */
export function Legend() {
  const { t } = useI18n();
  const open = useUi(selectLegend);
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const toggle = () => command('legend').perform({ playback: playback.getState(), ui: ui.getState() });
  // The legend hangs from the toolbar's right edge (the panel around it is positioned), so it stays on a phone's screen.
  return (
    <>
      <button
        type="button"
        data-testid="legend-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={toggle}
        title={hint('legend')}
        aria-label={t('ui.canvas.legend_title')}
        className="grid h-8 w-8 place-items-center rounded-lg border border-slate-200 bg-white text-sm font-semibold text-slate-600 shadow-sm hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
      >
        <svg width={16} height={16} viewBox="0 0 24 24" aria-hidden>
          <circle cx={6} cy={7} r={3} fill="var(--color-wire-out)" />
          <circle cx={6} cy={17} r={3} fill="var(--color-wire-back)" />
          <path d="M12 7h9M12 17h9" stroke="currentColor" strokeWidth={2} strokeLinecap="round" />
        </svg>
      </button>
      {open && <LegendBody close={() => ui.getState().setLegend(false)} />}
    </>
  );
}
