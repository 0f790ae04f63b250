'use client';

import { useStore, type ReactFlowState } from '@xyflow/react';
import { createContext, useContext, type ReactNode } from 'react';
import { NODE_UIS } from './catalog';
import { FAR_ZOOM } from './far-zoom';

/** Whether the canvas is zoomed out past FAR_ZOOM (a React Flow store selector). */
export const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

const FarView = createContext(false);

/**
 * Whether the canvas is zoomed out past FAR_ZOOM, for every card and link below: one
 * subscription to React Flow's store instead of one per card and per link, whose selectors ran
 * on every store update while a 300-node scenario opened.
 */
export const useFarView = () => useContext(FarView);

/** The id of node kind `type`'s icon in the far view's icon sheet. */
export const farIconId = (type: string) => `far-icon-${type}`;

/**
 * Every kind's icon once, as an SVG symbol a far card shows with one <use>: a card then adds
 * two elements for its icon instead of the icon's whole drawing (hundreds of cards at once).
 */
function FarIconSheet() {
  return (
    <svg aria-hidden width={0} height={0} className="absolute">
      {NODE_UIS.map((ui) => (
        <symbol key={ui.type} id={farIconId(ui.type)} viewBox="0 0 30 30">
          {ui.icon(30)}
        </symbol>
      ))}
    </svg>
  );
}

/** Tells the cards and links inside a React Flow (under its provider) whether it is zoomed out far, and brings the far cards' icons. */
export function FarViewProvider({ children }: { children: ReactNode }) {
  const far = useStore(selectFar);
  return (
    <FarView.Provider value={far}>
      {far && <FarIconSheet />}
      {children}
    </FarView.Provider>
  );
}
