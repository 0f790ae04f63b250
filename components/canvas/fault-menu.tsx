'use client';

import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { selectLabels, selectScenario, selectTime, selectVersion } from '@/stores/selectors';
import { selectUiActions } from '@/stores/ui-selectors';
import type { MenuAt } from '@/stores/ui-store';
import { COMMANDS, type Command } from '../panels/commands';
import { formatMs } from '../panels/format';
import { linkName } from '../panels/intervention-text';
import { CloseIcon } from '../ui/icons';
import { iconButton } from '../ui/styles';

const WIDTH = 272;

const item =
  'flex h-8 w-full items-center gap-2 rounded-md px-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800';

/** A menu item that takes a number: label, field, unit, and its own Apply button. */
function ValueItem({ c, enabled, run }: { c: Command; enabled: boolean; run: (c: Command, v: number) => void }) {
  const spec = c.input!;
  const [text, setText] = useState(String(spec.initial));
  const v = Number(text);
  const problem = text.trim() === '' || !Number.isFinite(v) ? 'enter a number' : v < spec.min || v > spec.max ? `from ${spec.min} to ${spec.max}` : null;
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
        {c.label}
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
        Apply
      </button>
      {problem && (
        <span id={`${id}-problem`} className="sr-only">
          {problem}
        </span>
      )}
    </form>
  );
}

/**
 * The fault menu for one node or link: what can go wrong with it, recorded as an intervention
 * at the cursor's virtual time. Opened by right-click, long-press, the card's ⋯ button or M.
 */
export default function FaultMenu({ menu }: { menu: MenuAt }) {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const labels = usePlayback(selectLabels);
  const scenario = usePlayback(selectScenario);
  const time = usePlayback(selectTime);
  // Re-render when the engine moves, so enabled states (crashed? cut?) stay true.
  usePlayback(selectVersion);
  const { closeMenu: close } = useUi(useShallow(selectUiActions));
  const box = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(null);

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

  const name = menu.kind === 'node' ? (labels[menu.id] ?? menu.id) : linkName(scenario, labels, menu.id);
  const ctx = () => ({ playback: playback.getState(), ui: ui.getState(), target: { kind: menu.kind, id: menu.id } });
  const run = (c: Command, value?: number) => {
    c.perform({ ...ctx(), value });
    close();
  };
  const items = COMMANDS.filter((c) => c.menu === menu.kind);
  const left = Math.max(8, Math.min(menu.x, (typeof window === 'undefined' ? 1280 : window.innerWidth) - WIDTH - 8));
  const top = Math.max(8, Math.min(menu.y, (typeof window === 'undefined' ? 800 : window.innerHeight) - 260));

  return (
    <div
      ref={box}
      role="dialog"
      aria-label={`Faults for ${name}`}
      data-testid="fault-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          const all = [...(box.current?.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled)') ?? [])];
          const at = all.indexOf(document.activeElement as HTMLElement);
          all[(at + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length]?.focus();
          e.preventDefault();
        }
      }}
      className="fixed z-50 rounded-xl border border-slate-200 bg-white p-1.5 shadow-xl shadow-slate-900/10 dark:border-slate-700 dark:bg-slate-900 dark:shadow-black/40"
      style={{ left, top, width: WIDTH }}
    >
      <div className="flex items-center gap-2 px-2 pt-0.5 pb-1.5">
        <p className="min-w-0 flex-1 truncate text-xs text-slate-600 dark:text-slate-300">
          <span className="font-semibold text-slate-900 dark:text-slate-100">{name}</span> at {formatMs(time)}
        </p>
        <button type="button" onClick={close} aria-label="Close" className={iconButton}>
          <CloseIcon width={14} height={14} />
        </button>
      </div>
      <div data-items className="border-t border-slate-100 pt-1 dark:border-slate-800">
        {items.map((c) => {
          const enabled = !c.enabled || c.enabled(ctx());
          return c.input ? (
            <ValueItem key={c.name} c={c} enabled={enabled} run={run} />
          ) : (
            <button key={c.name} type="button" data-testid={`fault-${c.name}`} disabled={!enabled} onClick={() => run(c)} className={item}>
              {c.label}
            </button>
          );
        })}
      </div>
      <p className="px-2 pt-1 text-[11px] leading-snug text-slate-500 dark:text-slate-400">Recorded as an intervention at this moment; later ones are dropped.</p>
    </div>
  );
}
