'use client';

import { useCallback, useState, type FocusEvent } from 'react';

/** A card or link of React Flow's: what Tab walks through on the canvas. */
const WALKED = '.react-flow__node, .react-flow__edge';

/**
 * Whether the visitor is walking the canvas with the keyboard: a card or link in it has
 * keyboard focus (`:focus-visible`, which a click does not give). A big document renders only
 * what is in view (see render-visible.ts), so Tab would reach only those cards; while walking,
 * the canvas renders them all, and React Flow pans to each card as it takes focus. Walking
 * ends when focus leaves the canvas. Spread `handlers` on the element around the flow.
 */
export function useKeyboardWalk(): { walking: boolean; handlers: { onFocusCapture: (e: FocusEvent) => void; onBlurCapture: (e: FocusEvent) => void } } {
  const [walking, setWalking] = useState(false);
  const onFocusCapture = useCallback((e: FocusEvent) => {
    const el = e.target;
    if (el instanceof Element && el.matches(WALKED) && el.matches(':focus-visible')) setWalking(true);
  }, []);
  const onBlurCapture = useCallback((e: FocusEvent) => {
    const next = e.relatedTarget;
    if (!(next instanceof Node) || !(e.currentTarget as Node).contains(next)) setWalking(false);
  }, []);
  return { walking, handlers: { onFocusCapture, onBlurCapture } };
}
