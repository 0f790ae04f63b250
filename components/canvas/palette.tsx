'use client';

import { Panel, useReactFlow } from '@xyflow/react';
import { useState, type DragEvent } from 'react';
import { NODE_KINDS } from '@/engine/models/catalog';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import { withNode } from '@/stores/scenario-edits';
import { kindStyle } from '../nodes/kind-style';
import { PlusIcon } from '../ui/icons';
import { fromCanvas } from './to-flow';

/** The dataTransfer type a palette item carries while dragged onto the canvas. */
export const DRAG_TYPE = 'application/x-playground-node';

/** Where a card's top-left goes so that its middle lands on the point (cards are about 240 × 90). */
const CARD_HALF = { x: 120, y: 45 };

const heading = 'flex w-full items-center gap-1.5 rounded-md px-1.5 py-1 text-left text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400';

/** Adds a node of `type` whose card is centred on canvas point `at`; used by drop and by click. */
export function useAddNode(vertical: boolean) {
  const playback = usePlaybackStore();
  const ui = useUiStore();
  return (type: string, at: { x: number; y: number }) => {
    const st = playback.getState();
    const { scenario } = withNode(st.scenario, type, fromCanvas({ x: at.x - CARD_HALF.x, y: at.y - CARD_HALF.y }, vertical));
    const r = st.apply(scenario);
    if (!r.ok) ui.getState().notify(`Could not add it: ${r.errors[0]}`, 'warn');
  };
}

/**
 * The component palette: every node type in the catalog. Drag one onto the canvas, or click
 * (tap, or Enter) to drop it in the middle of the view. Folds to one button on a narrow screen.
 */
export function Palette({ vertical, compact }: { vertical: boolean; compact: boolean }) {
  const [open, setOpen] = useState(false);
  const flow = useReactFlow();
  const add = useAddNode(vertical);
  const playback = usePlaybackStore();
  const addInMiddle = (type: string) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const mid = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 0, y: 0 };
    const p = flow.screenToFlowPosition(mid);
    // A little apart from each other, so repeated clicks do not stack cards exactly.
    const k = (playback.getState().scenario.nodes.length % 5) * 16;
    add(type, { x: p.x + k, y: p.y + k });
    setOpen(false);
  };
  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(DRAG_TYPE, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const kinds = Object.values(NODE_KINDS);
  const shown = !compact || open;
  return (
    <Panel position="top-left" className="!m-3">
      <nav aria-label="Components" className="w-44 rounded-xl border border-slate-200 bg-white/95 p-1.5 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        {compact ? (
          <button type="button" aria-expanded={open} data-testid="palette-toggle" onClick={() => setOpen(!open)} className={heading}>
            <PlusIcon width={13} height={13} />
            Add component
          </button>
        ) : (
          <p className={heading}>Components</p>
        )}
        {shown && (
          <ul className="mt-1 space-y-0.5">
            {kinds.map((k) => {
              const style = kindStyle(k.type);
              return (
                <li key={k.type}>
                  <button
                    type="button"
                    draggable
                    data-testid={`palette-${k.type}`}
                    onDragStart={(e) => onDragStart(e, k.type)}
                    onClick={() => addInMiddle(k.type)}
                    title={`${k.blurb} Drag onto the canvas, or click to add.`}
                    className="flex w-full cursor-grab items-center gap-2 rounded-lg px-1.5 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 active:cursor-grabbing dark:hover:bg-slate-800"
                  >
                    <span className={`grid h-6 w-6 shrink-0 place-items-center rounded-md text-white ${style.tone}`}>{style.icon(13)}</span>
                    <span className="font-medium">{k.title}</span>
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
