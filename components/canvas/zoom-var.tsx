'use client';

import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';

/**
 * Publishes the canvas zoom as the CSS variable `--flow-zoom` on React Flow's element, so a
 * card's key field can keep a readable size on screen at any zoom (app/globals.css, .key-field)
 * without a React render per zoom step.
 */
export function ZoomVar() {
  const store = useStoreApi();
  useEffect(() => {
    let shown = NaN;
    const apply = () => {
      const { domNode, transform } = store.getState();
      if (!domNode || transform[2] === shown) return;
      shown = transform[2];
      domNode.style.setProperty('--flow-zoom', String(shown));
    };
    apply();
    return store.subscribe(apply);
  }, [store]);
  return null;
}
