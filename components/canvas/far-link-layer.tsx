'use client';

import { useReactFlow, useStore, useStoreApi, ViewportPortal, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { usePlayback, useUi } from '@/stores/playback-context';
import { selectPointed } from '@/stores/ui-selectors';
import { curvesPath, LINK_HIT_PX, linkNear, selectLinkMarks, splitLinks } from './far-links';
import type { AppNode, LinkEdge } from './flow-types';
import type { Curve } from './geometry';
import { LinkCurves } from './message-canvas/link-curves';

const NO_LINKS: readonly string[] = [];
const NO_EDGES: readonly LinkEdge[] = [];

/**
 * The far-link layer of a big document seen from afar. There, hundreds of links are on screen
 * at once, and each as React Flow's edge (its own <svg>, a group, two paths, a dozen store
 * subscriptions) cost opening a 300-node scenario more than anything else. So plain links are
 * drawn together as one path (FarLinkLayer) and React Flow is not given them at all (see
 * splitLinks). A link that shows more than a line keeps its own edge: selected, pointed out by
 * the log, cut or with a connection to tell of, or a link of a selected card (so the keyboard
 * can reach it, after selecting the card). A press near a plain link selects it (through
 * `select`, as React Flow does not have it), a right-click or a long press opens its menu, as
 * on its edge.
 *
 * `on`: whether the layer draws (the document is big, the canvas zoomed out past FAR_ZOOM).
 * `select`: marks a link selected in the canvas's own edges (none: links are not selectable).
 * Returns the edges for React Flow, the layer's props, and the pane's handlers.
 */
export function useFarLinks(edges: LinkEdge[], nodes: readonly AppNode[], on: boolean, select?: (id: string) => void) {
  const ids = useMemo(() => edges.map((e) => e.id), [edges]);
  const marks = usePlayback(useCallback((s) => (on ? selectLinkMarks(s, ids) : ''), [on, ids]));
  const pointed = useUi((s) => (on ? (selectPointed(s)?.links ?? NO_LINKS) : NO_LINKS));
  const split = useMemo(() => {
    if (!on) return null;
    const picked = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    return splitLinks(edges, marks, (e) => e.selected === true || pointed.includes(e.id) || picked.has(e.source) || picked.has(e.target));
  }, [on, edges, nodes, marks, pointed]);

  const store = useStoreApi();
  const flow = useReactFlow<AppNode, LinkEdge>();
  const [curves] = useState(() => new LinkCurves());
  // The plain links as last drawn, for the handlers (read when the pointer moves, not rendered from).
  const plainRef = useRef<readonly LinkEdge[]>(NO_EDGES);
  useLayoutEffect(() => {
    plainRef.current = split?.plain ?? NO_EDGES;
  }, [split]);
  /** The plain link drawn at screen point (x, y), if any (null while the layer is off). */
  const linkAt = useCallback(
    (x: number, y: number): string | null => {
      const rf = store.getState();
      const links: { id: string; curve: Curve }[] = [];
      for (const e of plainRef.current) {
        const c = curves.get(rf, e);
        if (c) links.push({ id: e.id, curve: c.curve });
      }
      if (links.length === 0) return null;
      return linkNear(links, flow.screenToFlowPosition({ x, y }), LINK_HIT_PX / rf.transform[2]);
    },
    [store, flow, curves],
  );

  // React Flow clears the selection right after telling of a click on its pane: the link is
  // selected once it has, as a click on its edge would (added to the selection with the multi-select key).
  const onPaneClick = useCallback(
    (e: ReactMouseEvent) => {
      if (!on || !select) return;
      const id = linkAt(e.clientX, e.clientY);
      if (!id) return;
      const st = store.getState();
      const keep = st.multiSelectionActive ? { nodes: st.nodes.filter((n) => n.selected), edges: st.edges.filter((x) => x.selected) } : null;
      queueMicrotask(() => {
        if (keep) {
          const now = store.getState();
          now.triggerNodeChanges(keep.nodes.map((n): NodeChange => ({ id: n.id, type: 'select', selected: true })));
          now.triggerEdgeChanges(keep.edges.map((x): EdgeChange => ({ id: x.id, type: 'select', selected: true })));
        }
        select(id);
      });
    },
    [on, linkAt, store, select],
  );
  // A pointer over a plain link shows that it can be clicked, as over an edge.
  const onPaneMouseMove = useCallback(
    (e: ReactMouseEvent) => {
      if (!on || !(e.currentTarget instanceof HTMLElement)) return;
      e.currentTarget.style.cursor = linkAt(e.clientX, e.clientY) ? 'pointer' : '';
    },
    [on, linkAt],
  );
  return { edges: split ? split.own : edges, layer: split ? { links: split.plain, busy: split.busy, curves } : null, linkAt: on ? linkAt : null, onPaneClick, onPaneMouseMove };
}

/**
 * The plain links of a big document seen from afar (see useFarLinks), drawn as two paths under
 * the cards: the idle ones, and, thicker, those carrying messages (`busy`, painted by the
 * crowded wire's canvas). It ignores the pointer: a press on it reaches the pane, so a drag pans.
 */
export function FarLinkLayer({ links, busy, curves }: { links: readonly LinkEdge[]; busy: readonly boolean[]; curves: LinkCurves }) {
  const store = useStoreApi();
  // Cards placed, moved or resized give React Flow new nodes: the curves are read again then.
  const placed = useStore((s) => s.nodes);
  const { plain, carrying, count } = useMemo(() => {
    const rf = store.getState();
    const idle: Curve[] = [];
    const moving: Curve[] = [];
    if (rf.nodes === placed) {
      links.forEach((e, i) => {
        const c = curves.get(rf, e);
        if (c) (busy[i] ? moving : idle).push(c.curve);
      });
    }
    return { plain: curvesPath(idle), carrying: curvesPath(moving), count: idle.length + moving.length };
  }, [store, links, busy, curves, placed]);
  return (
    <ViewportPortal>
      <svg aria-hidden data-testid="far-links" data-links={count} className="pointer-events-none absolute top-0 left-0 -z-10 overflow-visible" width={1} height={1}>
        <path d={plain} fill="none" className="react-flow__edge-path" />
        {carrying && <path d={carrying} fill="none" className="react-flow__edge-path" style={{ strokeWidth: 2.5 }} />}
      </svg>
    </ViewportPortal>
  );
}
