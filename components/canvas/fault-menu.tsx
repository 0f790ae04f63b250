'use client';

import { p, type Phrase } from '@/engine/core/phrase';
import { useI18n } from '@/components/i18n/use-i18n';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { laterThan, type LaterChoice, type ScenarioIntervention } from '@/stores/scenario-edits';
import { selectLabels, selectScenario, selectUntil, selectVersion } from '@/stores/selectors';
import { selectUiActions } from '@/stores/ui-selectors';
import type { MenuAt } from '@/stores/ui-store';
import { COMMANDS, commandLabel, type Command } from '../panels/commands';
import { formatMs } from '../panels/format';
import { interventionText, linkName, scenarioTone, userTone } from '../panels/intervention-text';
import { CloseIcon } from '../ui/icons';
import { iconButton } from '../ui/styles';

const WIDTH = 272;

const item =
  'flex h-8 w-full items-center gap-2 rounded-md px-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800';

/** A menu item that takes a number: label, field, unit, and its own Apply button. */
function ValueItem({ c, enabled, run }: { c: Command; enabled: boolean; run: (c: Command, v: number) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const spec = c.input!;
  const [text, setText] = useState(String(spec.initial));
  const v = Number(text);
  const problem = text.trim() === '' || !Number.isFinite(v) ? t('ui.canvas.enterNumber') : v < spec.min || v > spec.max ? t('ui.canvas.fromTo', { min: spec.min, max: spec.max }) : null;
  const id = `fault-${c.name}`;
  return (
    <form
      className="flex items-center gap-1.5 px-2 py-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem && enabled) run(c, v);
      }}
    >
      <label htmlFor={id} className="min-w-0 flex-1 text-sm text-slate-700 dark:text-slate-200">
        {commandLabel(c, i18n)}
      </label>
      <input
        id={id}
        data-testid={`${id}-value`}
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        disabled={!enabled}
        className="h-7 w-20 rounded-md border border-slate-300 bg-white px-1.5 text-right font-mono text-xs aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-950"
      />
      <span className="w-7 text-[11px] text-slate-500 dark:text-slate-400">{spec.unit}</span>
      <button type="submit" data-testid={id} disabled={!enabled || problem !== null} className="h-7 rounded-md bg-indigo-600 px-2 text-xs font-semibold text-white hover:bg-indigo-500 disabled:opacity-40">
        {t('ui.canvas.apply')}
      </button>
      {problem && (
        <span id={`${id}-problem`} className="sr-only">
          {problem}
        </span>
      )}
    </form>
  );
}

/** A time as the field shows it: whole milliseconds, or one decimal when it has a fraction. */
/** What kind of link it is, and what a cut or a loss does on it. */
function linkKindText(transport: 'tcp' | 'datagram' | undefined): Phrase {
  return p(transport === 'datagram' ? 'ui.canvas.linkDatagram' : 'ui.canvas.linkTcp');
}

const timeText = (t: number) => String(Math.round(t * 10) / 10);

/** What the visitor picked, waiting for an answer about the interventions it comes before. */
interface Asking {
  c: Command;
  value?: number;
  later: ScenarioIntervention[];
}

/** Names the later interventions a fault comes before, and asks: keep them, drop them, or cancel. */
function BranchQuestion({ asking, at, answer }: { asking: Asking; at: number; answer: (choice: LaterChoice | null) => void }) {
  const scenario = usePlayback(selectScenario);
  const i18n = useI18n();
  const { t, say } = i18n;
  const labels = usePlayback(selectLabels);
  const n = asking.later.length;
  return (
    <div data-testid="branch-question" className="px-2 pt-1 pb-1">
      <p id="branch-question-text" className="text-sm leading-snug text-slate-800 dark:text-slate-100">
        <span className="font-semibold">{commandLabel(asking.c, i18n)}</span>
        {t('ui.canvas.comesBefore', { at: formatMs(at), n })}
      </p>
      <ul className="my-1.5 max-h-32 space-y-0.5 overflow-y-auto" data-testid="branch-later">
        {asking.later.map((iv, i) => (
          <li key={i} className="flex items-baseline gap-1.5 text-xs text-slate-700 dark:text-slate-300">
            <span className="shrink-0 font-mono text-[11px] text-slate-500 tabular-nums dark:text-slate-400">{formatMs(iv.at)}</span>
            <span className="min-w-0 flex-1">{say(interventionText(iv, scenario, labels))}</span>
            <span className={`shrink-0 rounded px-1 text-[10px] font-semibold ${iv.by === 'user' ? userTone : scenarioTone}`}>{t(iv.by === 'user' ? 'ui.canvas.yours' : 'ui.canvas.byScenario')}</span>
          </li>
        ))}
      </ul>
      <p className="text-[11px] leading-snug text-slate-600 dark:text-slate-400">
        {t('ui.canvas.keepOrDrop', { n })}
      </p>
      <div className="mt-2 flex gap-1.5" role="group" aria-labelledby="branch-question-text">
        <button type="button" data-testid="branch-keep" onClick={() => answer('keep')} className="h-8 flex-1 rounded-md bg-indigo-600 px-2 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
          {t('ui.canvas.keep', { n })}
        </button>
        <button type="button" data-testid="branch-drop" onClick={() => answer('drop')} className="h-8 flex-1 rounded-md border border-slate-300 px-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800">
          {t('ui.canvas.drop', { n })}
        </button>
        <button type="button" data-testid="branch-cancel" onClick={() => answer(null)} className="h-8 rounded-md px-2 text-sm font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800">
          {t('ui.canvas.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * The fault menu for one node or link: what can go wrong with it, recorded as an intervention
 * at a virtual time the menu shows and lets the visitor change (the cursor's, at first; the run
 * stands still while the menu is open, see usePlaybackLoop). A fault that comes before later
 * ones asks what becomes of them. Opened by right-click, long-press, the card's ⋯ button or M.
 */
export default function FaultMenu({ menu }: { menu: MenuAt }) {
  const i18n = useI18n();
  const { t, say } = i18n;
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const labels = usePlayback(selectLabels);
  const scenario = usePlayback(selectScenario);
  const untilMs = usePlayback(selectUntil);
  // Re-render when the engine moves, so enabled states (crashed? cut?) stay true.
  usePlayback(selectVersion);
  const { closeMenu: close } = useUi(useShallow(selectUiActions));
  const box = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(null);
  // When the fault lands unless the visitor types another time: the moment the gesture began.
  const [first] = useState(() => menu.at ?? playback.getState().faultMoment());
  const [atText, setAtText] = useState(() => timeText(first));
  const [asking, setAsking] = useState<Asking | null>(null);
  const typed = Number(atText);
  const at = atText === timeText(first) ? first : typed;
  const atProblem = atText.trim() === '' || !Number.isFinite(typed) ? t('ui.canvas.enterTime') : typed < 0 || typed > untilMs ? t('ui.canvas.fromTo', { min: 0, max: untilMs }) : null;

  useEffect(() => {
    returnTo.current = document.activeElement;
    box.current?.querySelector<HTMLElement>('[data-items] button:not(:disabled), [data-items] input:not(:disabled)')?.focus();
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) close();
    };
    window.addEventListener('pointerdown', away, true);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      if (returnTo.current instanceof HTMLElement && returnTo.current.isConnected) returnTo.current.focus();
    };
  }, [close, menu.kind, menu.id]);

  // The question takes focus; cancelled, focus goes back to the fault that asked it.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (asking) asked.current = asking.c.name;
    const to = asking ? 'branch-keep' : asked.current && `fault-${asked.current}`;
    if (to) box.current?.querySelector<HTMLElement>(`[data-testid="${to}"]`)?.focus();
  }, [asking]);

  // Keep the whole menu on screen once its height is known (the question makes it taller).
  const [top, setTop] = useState(() => Math.max(8, menu.y));
  useLayoutEffect(() => {
    const h = box.current?.offsetHeight ?? 0;
    setTop(Math.max(8, Math.min(menu.y, window.innerHeight - h - 8)));
  }, [menu.y, asking]);

  const name = menu.kind === 'node' ? (labels[menu.id] ?? menu.id) : linkName(scenario, labels, menu.id);
  const ctx = () => ({ playback: playback.getState(), ui: ui.getState(), target: { kind: menu.kind, id: menu.id } });
  const perform = (c: Command, value: number | undefined, later: LaterChoice) => {
    c.perform({ ...ctx(), value, at, later });
    close();
  };
  const run = (c: Command, value?: number) => {
    if (atProblem) return;
    const later = laterThan(playback.getState().scenario, at);
    if (later.length > 0) setAsking({ c, value, later });
    else perform(c, value, 'keep');
  };
  const items = COMMANDS.filter((c) => c.menu === menu.kind);
  const left = Math.max(8, Math.min(menu.x, (typeof window === 'undefined' ? 1280 : window.innerWidth) - WIDTH - 8));
  const now = playback.getState().time;
  const when = atProblem ?? t(Math.abs(at - first) < 0.05 ? 'ui.canvas.whenNow' : at < now ? 'ui.canvas.whenEarlier' : 'ui.canvas.whenLater');

  return (
    <div
      ref={box}
      role="dialog"
      aria-label={t('ui.nodes.faultsFor', { label: name })}
      data-testid="fault-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          if (asking) setAsking(null);
          else close();
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          const all = [...(box.current?.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled)') ?? [])];
          const i = all.indexOf(document.activeElement as HTMLElement);
          all[(i + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length]?.focus();
          e.preventDefault();
        }
      }}
      className="fixed z-50 max-h-[calc(100dvh-16px)] overflow-y-auto rounded-xl border border-slate-200 bg-white p-1.5 shadow-xl shadow-slate-900/10 dark:border-slate-700 dark:bg-slate-900 dark:shadow-black/40"
      style={{ left, top, width: WIDTH }}
    >
      <div className="flex items-center gap-2 px-2 pt-0.5 pb-1">
        <p className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900 dark:text-slate-100">{name}</p>
        <button type="button" onClick={close} aria-label={t('ui.canvas.close')} className={iconButton}>
          <CloseIcon width={14} height={14} />
        </button>
      </div>
      {menu.kind === 'edge' && (
        <p data-testid="fault-link-kind" className="px-2 pb-1.5 text-[11px] leading-snug text-slate-600 dark:text-slate-300">
          {say(linkKindText(scenario.edges.find((e) => e.id === menu.id)?.params.transport))}
        </p>
      )}
      {asking ? (
        <div className="border-t border-slate-100 pt-1 dark:border-slate-800">
          <BranchQuestion
            asking={asking}
            at={at}
            answer={(choice) => {
              if (choice) perform(asking.c, asking.value, choice);
              else setAsking(null);
            }}
          />
        </div>
      ) : (
        <>
          <div className="flex items-center gap-1.5 px-2 pb-1.5">
            <label htmlFor="fault-at" className="text-xs text-slate-600 dark:text-slate-300">
              {t('ui.canvas.landsAt')}
            </label>
            <input
              id="fault-at"
              data-testid="fault-at"
              inputMode="decimal"
              value={atText}
              onChange={(e) => setAtText(e.target.value)}
              aria-invalid={atProblem !== null}
              aria-describedby="fault-at-when"
              className="h-7 w-24 rounded-md border border-slate-300 bg-white px-1.5 text-right font-mono text-xs tabular-nums aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-950"
            />
            <span className="text-[11px] text-slate-500 dark:text-slate-400">{t('ui.canvas.ms')}</span>
            <span id="fault-at-when" data-testid="fault-at-when" className={`min-w-0 flex-1 truncate text-[11px] ${atProblem ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'}`} title={when}>
              {when}
            </span>
          </div>
          <div data-items className="border-t border-slate-100 pt-1 dark:border-slate-800">
            {items.map((c) => {
              const enabled = !atProblem && (!c.enabled || c.enabled(ctx()));
              return c.input ? (
                <ValueItem key={c.name} c={c} enabled={enabled} run={run} />
              ) : (
                <button key={c.name} type="button" data-testid={`fault-${c.name}`} disabled={!enabled} onClick={() => run(c)} className={item}>
                  {commandLabel(c, i18n)}
                </button>
              );
            })}
          </div>
          <p className="px-2 pt-1 text-[11px] leading-snug text-slate-500 dark:text-slate-400">{t('ui.canvas.standsStill')}</p>
        </>
      )}
    </div>
  );
}
