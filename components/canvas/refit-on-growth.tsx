'use client';

import { useReactFlow, useStoreApi, type FitViewOptions, type ReactFlowState } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { useUi } from '@/stores/playback-context';
import { selectFitRequest } from '@/stores/ui-selectors';
import { FAR_ZOOM } from '../nodes/far-zoom';

/** A fit padding side in px (the canvas gives its paddings in px). */
const px = (v: unknown) => (typeof v === 'string' ? parseFloat(v) || 0 : 0);

/** Whether some card reaches past the fitted area (the canvas minus the fit's padding) on screen. */
function overflows(s: ReactFlowState, padding: FitViewOptions['padding']): boolean {
  const p = (typeof padding === 'object' ? padding : {}) as Record<string, unknown>;
  const [tx, ty, z] = s.transform;
  const slack = 2;
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    if (x * z + tx < px(p.left) - slack || y * z + ty < px(p.top) - slack) return true;
    if ((x + w) * z + tx > s.width - px(p.right) + slack || (y + h) * z + ty > s.height - px(p.bottom) + slack) return true;
  }
  return false;
}

/**
 * Fits the view again when a card grows past the fitted area (a ZooKeeper card gaining znodes,
 * a violation printed under a card) or is moved out of it to make way for one, so nothing the run shows is cut off at the edge while the
 * canvas has room. Only while the visitor has not panned or zoomed since the last fit
 * (`movedRef`, set by the canvas's onMoveStart); moving a card never triggers it.
 *
 * A refit never takes full cards down to far ones: a key field keeps 11 px on screen, so a
 * card grows as the zoom falls, and fitting that growth again and again spiralled down to far
 * cards with most of the canvas empty (`rate-limit-guava` at its end went 0.60 -> 0.44 -> 0.38).
 * Full cards that still do not fit at FAR_ZOOM reach a little past the edge instead.
 */
export function RefitOnGrowth({ fit, movedRef }: { fit: FitViewOptions; movedRef: RefObject<boolean> }) {
  const store = useStoreApi();
  const { fitView } = useReactFlow();
  const fitRequest = useUi(selectFitRequest);
  useEffect(() => {
    movedRef.current = false;
  }, [fitRequest, movedRef]);
  useEffect(() => {
    const sizes = new Map<string, { w: number; h: number; x: number; y: number }>();
    let raf = 0;
    const check = (s: ReactFlowState) => {
      let grew = false;
      for (const [id, n] of s.nodeLookup) {
        const w = n.measured.width ?? 0;
        const h = n.measured.height ?? 0;
        const { x, y } = n.internals.positionAbsolute;
        const was = sizes.get(id);
        // A card moved aside for a grown one (use-separated.ts) counts as growth; a drag does not.
        if (was && (w > was.w + 1 || h > was.h + 1 || (!n.dragging && (x !== was.x || y !== was.y)))) grew = true;
        if (!was || w !== was.w || h !== was.h || x !== was.x || y !== was.y) sizes.set(id, { w, h, x, y });
      }
      if (!grew || movedRef.current || !overflows(s, fit.padding)) return;
      cancelAnimationFrame(raf);
      const near = s.transform[2] >= FAR_ZOOM;
      raf = requestAnimationFrame(() => void fitView({ ...fit, duration: 0, minZoom: near ? Math.max(FAR_ZOOM, fit.minZoom ?? 0) : fit.minZoom }));
    };
    const stop = store.subscribe(check);
    return () => {
      stop();
      cancelAnimationFrame(raf);
    };
  }, [store, fitView, fit, movedRef]);
  return null;
}
