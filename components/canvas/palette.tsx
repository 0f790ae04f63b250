'use client';

import { p } from '@/engine/core/phrase';
import { useI18n } from '@/components/i18n/use-i18n';
import { Panel, useReactFlow } from '@xyflow/react';
import { useState, type DragEvent } from 'react';
import { NODE_MANIFESTS } from '@/engine/models/catalog';
import { kindBlurb, kindTitle } from '@/engine/models/kind';
import { applyEdit, preloadFor } from '@/stores/kind-loading';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import type { EditResult } from '@/stores/playback-store';
import { withNode } from '@/stores/scenario-edits';
import { nodeUi } from '../nodes/catalog';
import { PlusIcon } from '../ui/icons';
import { freeSpot } from './free-spot';
import { fromCanvas } from './to-flow';
import { problemSay } from '@/engine/scenario/problems';

/** The dataTransfer type a palette item carries while dragged onto the canvas. */
export const DRAG_TYPE = 'application/x-playground-node';

/** Where a card's top-left goes so that its middle lands on the point (cards are about 240 × 90). */
const CARD_HALF = { x: 120, y: 45 };
/** The room a new card is given when placed by a click: a card is 240 px wide and grows as it runs. */
const NEW_CARD = { w: 240, h: 180 };

const heading = 'flex w-full items-center gap-1.5 rounded-md px-1.5 py-1 text-left text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400';

/**
 * Adds a node of `type` whose card is centred on canvas point `at`; used by drop and by click.
 * A kind not on the canvas before has its code fetched first (usually already under way: see
 * the palette's preloading), and the node is added to the scenario as it is by then. With
 * `stagger`, each node lands a little apart from the one before (repeated clicks), counted in
 * the scenario it joins, so a node whose code arrived late does not land on a later one.
 */
export function useAddNode(vertical: boolean) {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  return (type: string, at: { x: number; y: number }, stagger = false) => {
    const report = (r: EditResult) => {
      if (!r.ok) ui.getState().notify(p('ui.canvas.couldNotAdd', { error: problemSay(r.errors[0]) }), 'warn');
    };
    const r = applyEdit(playback, (s) => {
      const k = stagger ? (s.nodes.length % 5) * 16 : 0;
      return withNode(s, type, fromCanvas({ x: at.x + k - CARD_HALF.x, y: at.y + k - CARD_HALF.y }, vertical)).scenario;
    });
    if (r instanceof Promise) void r.then(report);
    else report(r);
  };
}

/**
 * The component palette: every node type in the catalog. Drag one onto the canvas, or click
 * (tap, or Enter) to drop it in the middle of the view. Folds to one button on a narrow screen.
 */
export function Palette({ vertical, compact }: { vertical: boolean; compact: boolean }) {
  const { t, say } = useI18n();
  const [open, setOpen] = useState(false);
  const flow = useReactFlow();
  const add = useAddNode(vertical);
  const playback = usePlaybackStore();
  const addInMiddle = (type: string) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const mid = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 0, y: 0 };
    // In the middle of the view if that is free, else the nearest free place: never on top of a card.
    const cards = flow.getNodes().map((n) => ({ x: n.position.x, y: n.position.y, w: n.measured?.width ?? NEW_CARD.w, h: n.measured?.height ?? NEW_CARD.h }));
    const c = freeSpot(cards, flow.screenToFlowPosition(mid), NEW_CARD);
    // add() centres a CARD_HALF-sized card on its point: put the card's top where the free box's top is.
    add(type, { x: c.x, y: c.y - NEW_CARD.h / 2 + CARD_HALF.y });
    setOpen(false);
  };
  // The moment the visitor reaches for an item, fetch its kind's code (and its client's default
  // program), so that by the drop it is usually here and the node appears at once.
  const preload = (type: string) => preloadFor(withNode(playback.getState().scenario, type, { x: 0, y: 0 }).scenario);
  const onDragStart = (e: DragEvent, type: string) => {
    preload(type);
    e.dataTransfer.setData(DRAG_TYPE, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const shown = !compact || open;
  return (
    <Panel position="top-left" className="!m-3">
      <nav aria-label={t('ui.canvas.components')} className="w-44 rounded-xl border border-slate-200 bg-white/95 p-1.5 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        {compact ? (
          <button type="button" aria-expanded={open} data-testid="palette-toggle" onClick={() => setOpen(!open)} className={heading}>
            <PlusIcon width={13} height={13} />
            {t('ui.canvas.addComponent')}
          </button>
        ) : (
          <p className={heading}>{t('ui.canvas.components')}</p>
        )}
        {shown && (
          <ul className="mt-1 space-y-0.5">
            {NODE_MANIFESTS.map((k) => {
              const style = nodeUi(k.type);
              return (
                <li key={k.type}>
                  <button
                    type="button"
                    draggable
                    data-testid={`palette-${k.type}`}
                    onPointerDown={() => preload(k.type)}
                    onFocus={() => preload(k.type)}
                    onDragStart={(e) => onDragStart(e, k.type)}
                    onClick={() => addInMiddle(k.type)}
                    title={t('ui.canvas.paletteTitle', { blurb: kindBlurb(k.type) })}
                    className="flex w-full cursor-grab items-center gap-2 rounded-lg px-1.5 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 active:cursor-grabbing dark:hover:bg-slate-800"
                  >
                    <span className={`grid h-6 w-6 shrink-0 place-items-center rounded-md text-white ${style.tone}`}>{style.icon(13)}</span>
                    <span className="font-medium">{say(kindTitle(k.type))}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </nav>
    </Panel>
  );
}
