'use client';

import { useStoreApi } from '@xyflow/react';
import { useEffect, type CSSProperties } from 'react';

const ZOOM_VAR = '--flow-zoom';

/**
 * The canvas's first zoom as React Flow's `style`, so the variable is there when the cards are
 * first laid out. Published later (by ZoomVar's effect, after React Flow has measured its pane),
 * it made the browser restyle every card again before the first frame.
 */
export const zoomStyle = (zoom: number): CSSProperties => ({ [ZOOM_VAR]: String(zoom) }) as CSSProperties;

/**
 * Publishes the canvas zoom as the CSS variable `--flow-zoom` on React Flow's element, so a
 * card's key field can keep a readable size on screen at any zoom (app/globals.css, .key-field)
 * without a React render per zoom step. Give the canvas its first zoom with zoomStyle.
 */
export function ZoomVar() {
  const store = useStoreApi();
  useEffect(() => {
    let shown = NaN;
    const apply = () => {
      const { domNode, transform } = store.getState();
      if (!domNode || transform[2] === shown) return;
      shown = transform[2];
      // Already there when the canvas started with it (zoomStyle): writing it again would restyle every card.
      if (domNode.style.getPropertyValue(ZOOM_VAR) !== String(shown)) domNode.style.setProperty(ZOOM_VAR, String(shown));
    };
    apply();
    return store.subscribe(apply);
  }, [store]);
  return null;
}
