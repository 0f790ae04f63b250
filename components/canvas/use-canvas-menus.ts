'use client';

import { useCallback, type MouseEvent as ReactMouseEvent } from 'react';
import { usePlaybackStore, useUiStore } from '@/stores/playback-context';
import type { ElementRef } from '@/stores/ui-store';
import type { AppNode, LinkEdge } from './flow-types';
import { useLongPress } from './use-long-press';

/** The canvas node or link an element belongs to (the one under a point, or with focus), if any. */
export function elementAt(target: EventTarget | null): ElementRef | null {
  if (!(target instanceof Element)) return null;
  const node = target.closest('.react-flow__node[data-id]');
  if (node) return { kind: 'node', id: node.getAttribute('data-id')! };
  const edge = target.closest('.react-flow__edge[data-id]');
  if (edge) return { kind: 'edge', id: edge.getAttribute('data-id')! };
  return null;
}

/**
 * The fault menu's ways in on a canvas (the playground's and an editable embed's): a
 * right-click on a node or a link, or a long press for touch. Spread `longPress` on the
 * element around the flow. `linkAt` finds a link drawn without an element of its own (the
 * far-link layer, see far-link-layer.tsx) under a screen point: a right-click on the pane or a
 * long press there opens that link's menu.
 */
export function useCanvasMenus(linkAt: ((x: number, y: number) => string | null) | null = null) {
  const ui = useUiStore();
  const playback = usePlaybackStore();
  const openMenu = useCallback((kind: 'node' | 'edge', id: string, x: number, y: number) => ui.getState().openMenu({ kind, id, x, y }), [ui]);
  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent, n: AppNode) => {
      e.preventDefault();
      openMenu('node', n.id, e.clientX, e.clientY);
    },
    [openMenu],
  );
  const onEdgeContextMenu = useCallback(
    (e: ReactMouseEvent, ed: LinkEdge) => {
      e.preventDefault();
      openMenu('edge', ed.id, e.clientX, e.clientY);
    },
    [openMenu],
  );
  const onPaneContextMenu = useCallback(
    (e: ReactMouseEvent | MouseEvent) => {
      const id = linkAt?.(e.clientX, e.clientY);
      if (!id) return;
      e.preventDefault();
      openMenu('edge', id, e.clientX, e.clientY);
    },
    [linkAt, openMenu],
  );
  // A fault chosen after a long press lands when the finger came down, not half a second later.
  const longPress = useLongPress(
    () => playback.getState().faultMoment(),
    (target, x, y, at) => {
      const found = elementAt(target);
      const link = found ? null : linkAt?.(x, y);
      const hit = found ?? (link ? ({ kind: 'edge', id: link } as const) : null);
      if (hit) ui.getState().openMenu({ kind: hit.kind, id: hit.id, x, y, at });
    },
  );
  return { onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu, longPress };
}
