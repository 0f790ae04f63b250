'use client';

import { p } from '@/engine/core/phrase';
import { useI18n } from '@/components/i18n/use-i18n';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type FitViewOptions,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { orientLink } from '@/stores/connect-rules';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import type { Scenario } from '@/engine/scenario/schema';
import { withLink, withPositions } from '@/stores/scenario-edits';
import { selectDoc, selectLabels, selectScenario } from '@/stores/selectors';
import { selectEditing } from '@/stores/ui-selectors';
import { nodeUi } from '../nodes/catalog';
import { FarViewProvider, selectFar } from '../nodes/far-view';
import { useMediaQuery, usePrefersDark } from '../ui/use-media-query';
import { MINIMAP_MASK } from './minimap-mask';
import { RENDER_VISIBLE_FROM } from './render-visible';
import { useKeyboardWalk } from './keyboard-walk';
import { useNarrow } from '../ui/use-narrow';
import { CanvasToolbar } from './canvas-toolbar';
import { CauseLink } from './cause-link';
import { DenseWire, useDenseWireLatch } from './dense-wire';
import { FaultMenuHost } from './fault-menu-host';
import type { AppNode, LinkEdge } from './flow-types';
import { CrowdedWire } from './crowded-wire';
import { WireDots } from './wire-dots';
import { Notices } from './notices';
import { DRAG_TYPE, Palette, useAddNode } from './palette';
import { carryOver, fromCanvas, toFlow } from './to-flow';
import { elementAt, useCanvasMenus } from './use-canvas-menus';
import { farNode, unmeasured } from './far-nodes';
import { FarLinkLayer, useFarLinks } from './far-link-layer';
import { firstView } from './first-view';
import { edgeTypes, nodeTypes } from './flow-registry';
import { RefitOnGrowth } from './refit-on-growth';
import { useSeparated } from './use-separated';
import { useShownAfterPaint } from './shown-after-paint';
import { zoomStyle, ZoomVar } from './zoom-var';
import { FIT_MAX_ZOOM, MIN_ZOOM, ROOM_NARROW, ROOM_SHEET, ROOM_WIDE, type Room } from './fit-room';
import { problemSay } from '@/engine/scenario/problems';

const px = ([top, right, bottom, left]: Room) => ({ top: `${top}px` as const, right: `${right}px` as const, bottom: `${bottom}px` as const, left: `${left}px` as const });
// The build's first frame fits its cards with the same room (scripts/first-frame/chooser.ts).
const fitWide: FitViewOptions = { padding: px(ROOM_WIDE), maxZoom: FIT_MAX_ZOOM };
// In edit mode, room for the palette too.
const fitEditing: FitViewOptions = { ...fitWide, padding: { ...px(ROOM_WIDE), left: '210px' as const } };
const fitNarrow: FitViewOptions = { padding: px(ROOM_NARROW), maxZoom: FIT_MAX_ZOOM };
const fitSheet: FitViewOptions = { padding: px(ROOM_SHEET), maxZoom: FIT_MAX_ZOOM };
const minimapColour = (n: AppNode) => nodeUi(n.data.kind).colour;
const MAX_ZOOM = 2;

/**
 * React Flow itself. Nodes and edges come from the scenario; React Flow keeps only what it
 * owns (selection, measured sizes, a node mid-drag). Every edit (a drop, a link, a move, a
 * delete) goes through the playback store, which validates it and re-runs the simulation, and
 * comes back here as a new scenario. Live state is read by each node from the store, so a
 * frame of playback never touches React Flow's own state.
 */
function Flow({ vertical, opened }: { vertical: boolean; opened: { scenario: Scenario; labels: Readonly<Record<string, string>>; nodes: AppNode[]; edges: LinkEdge[]; far: boolean } }) {
  const { t } = useI18n();
  const ariaLabelConfig = useMemo(() => ({ 'node.a11yDescription.default': t('ui.canvas.nodeA11y'), 'edge.a11yDescription.default': t('ui.canvas.edgeA11y') }), [t]);
  const scenario = usePlayback(selectScenario);
  const playback = usePlaybackStore();
  const ui = useUiStore();
  const flow = useReactFlow<AppNode, LinkEdge>();
  const dark = usePrefersDark();
  const addNode = useAddNode(vertical);
  const dense = useDenseWireLatch();
  const editing = useUi(selectEditing);
  const fit = useFit(vertical);
  // The view the store was created with (see DocumentFlow): the zoom pane starts there too, not at zoom 1.
  const store = useStoreApi<AppNode, LinkEdge>();
  const [viewport] = useState(() => {
    const [x, y, zoom] = store.getState().transform;
    return { x, y, zoom };
  });
  const [style] = useState(() => zoomStyle(viewport.zoom));

  const labels = usePlayback(selectLabels);
  const [shown, setShown] = useState(opened.scenario);
  const [nodes, setNodes] = useState<AppNode[]>(opened.nodes);
  const [edges, setEdges] = useState<LinkEdge[]>(opened.edges);
  // A new scenario (an edit, undo, a different layout): adopt it, keeping React Flow's own fields.
  // A language switch re-draws too: the nodes' names and the labels for screen readers are in it.
  const [shownT, setShownT] = useState(() => t);
  const [shownLabels, setShownLabels] = useState(opened.labels);
  if (shown !== scenario || shownT !== t || shownLabels !== labels) {
    const next = toFlow(scenario, vertical, labels);
    setShown(scenario);
    setShownT(() => t);
    setShownLabels(labels);
    setNodes((prev) => carryOver(prev, next.nodes));
    setEdges((prev) => carryOver(prev, next.edges));
  }
  // Cards the visitor placed (dragged, or added to this document) stay put; others make way.
  const [first] = useState(() => new Set(scenario.nodes.map((n) => n.id)));
  const [dragged, setDragged] = useState<ReadonlySet<string>>(() => new Set());
  const pinned = useMemo(() => new Set([...dragged, ...nodes.filter((n) => !first.has(n.id)).map((n) => n.id)]), [dragged, nodes, first]);
  // Zoomed out, every card is a far card of one known size (far-nodes.ts): nothing to measure.
  // Zoomed back in, full cards are measured again.
  const far = useStore(selectFar);
  const [shownFar, setShownFar] = useState(far);
  if (far !== shownFar) {
    setShownFar(far);
    if (!far) setNodes((prev) => prev.map(unmeasured));
  }
  const sized = useMemo(() => (far ? nodes.map(farNode) : nodes), [far, nodes]);
  const drawn = useSeparated(sized, pinned);

  const onNodesChange = useCallback((changes: NodeChange<AppNode>[]) => setNodes((nds) => applyNodeChanges(changes, nds)), []);
  const onEdgesChange = useCallback((changes: EdgeChange<LinkEdge>[]) => setEdges((eds) => applyEdgeChanges(changes, eds)), []);
  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams<AppNode, LinkEdge>) =>
      ui.getState().pick(
        n.map((x) => x.id),
        e.map((x) => x.id),
      ),
    [ui],
  );

  const onNodeDragStart = useCallback(
    (_: unknown, _node: AppNode, moving: AppNode[]) => setDragged((was) => (moving.every((n) => was.has(n.id)) ? was : new Set([...was, ...moving.map((n) => n.id)]))),
    [],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, _node: AppNode, dragged: AppNode[]) => {
      const st = playback.getState();
      st.apply(withPositions(st.scenario, Object.fromEntries(dragged.map((n) => [n.id, fromCanvas(n.position, vertical)]))));
    },
    [playback, vertical],
  );

  const link = useCallback(
    (a: string, b: string) => {
      const st = playback.getState();
      const r = withLink(st.scenario, a, b, st.labels);
      if (!r.ok) {
        ui.getState().notify(r.reason, 'warn');
        return;
      }
      const applied = st.apply(r.scenario);
      if (!applied.ok) ui.getState().notify(p('ui.canvas.couldNotLink', { error: problemSay(applied.errors[0]) }), 'warn');
    },
    [playback, ui],
  );
  const isValidConnection = useCallback((c: Connection | LinkEdge) => orientLink(playback.getState().scenario, c.source, c.target).ok, [playback]);
  const onConnect = useCallback((c: Connection) => link(c.source, c.target), [link]);
  // A link dropped on a card's body (not its handle) still counts; a refused one says why.
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const from = state.fromNode?.id;
      if (!from || state.isValid) return;
      if (state.toNode) {
        const st = playback.getState();
        const o = orientLink(st.scenario, from, state.toNode.id, st.labels);
        if (!o.ok) ui.getState().notify(o.reason, 'warn');
        return;
      }
      const point = 'changedTouches' in e ? e.changedTouches[0] : e;
      const hit = point ? elementAt(document.elementFromPoint(point.clientX, point.clientY)) : null;
      if (hit?.kind === 'node' && hit.id !== from) link(from, hit.id);
    },
    [link, playback, ui],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_TYPE);
      if (!type) return;
      e.preventDefault();
      addNode(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [addNode, flow],
  );

  // A big document seen from afar draws its plain links as one layer (far-link-layer.tsx).
  // A plain link React Flow does not have is selected in the canvas's edges, and so given to it.
  const selectLink = useCallback((id: string) => setEdges((eds) => eds.map((e) => (e.id === id && !e.selected ? { ...e, selected: true } : e))), []);
  const links = useFarLinks(edges, nodes, far && drawn.length >= RENDER_VISIBLE_FROM, selectLink);
  const { onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu, longPress } = useCanvasMenus(links.linkAt);
  // The visitor panned or zoomed: the view is theirs until the next fit (see RefitOnGrowth).
  const movedRef = useRef(false);
  const onMoveStart = useCallback((e: MouseEvent | TouchEvent | null) => {
    if (e) movedRef.current = true;
  }, []);
  const onFitView = useCallback(() => {
    movedRef.current = false;
  }, []);
  // Zoom buttons and the minimap move the view without an event onMoveStart would see.
  const onZoomButton = useCallback(() => {
    movedRef.current = true;
  }, []);
  const onMinimap = useCallback((e: { target: EventTarget }) => {
    if (e.target instanceof Element && e.target.closest('.react-flow__minimap')) movedRef.current = true;
  }, []);

  const walk = useKeyboardWalk();
  // A big document's minimap (a card per node) comes a frame after the cards.
  const overview = useShownAfterPaint(opened.nodes.length >= RENDER_VISIBLE_FROM);

  return (
    <div className="absolute inset-0" {...longPress} {...walk.handlers} onPointerDownCapture={onMinimap} onWheelCapture={onMinimap}>
      <DenseWire.Provider value={dense}>
        <FarViewProvider>
          <ReactFlow<AppNode, LinkEdge>
            nodes={drawn}
            onlyRenderVisibleElements={drawn.length >= RENDER_VISIBLE_FROM && !walk.walking}
            edges={links.edges}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onSelectionChange={onSelectionChange}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onMoveStart={onMoveStart}
            onNodeContextMenu={onNodeContextMenu}
            onEdgeContextMenu={onEdgeContextMenu}
            onPaneContextMenu={onPaneContextMenu}
            onPaneClick={links.onPaneClick}
            onPaneMouseMove={links.onPaneMouseMove}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            colorMode={dark ? 'dark' : 'light'}
            // Deleting goes through the command registry (Delete / Backspace), like every other key.
            deleteKeyCode={null}
            edgesFocusable
            // Opened far, the store's first fit (see DocumentFlow) was to the far cards' own size:
            // a fit queued on top would wait for a measurement and then jump to wherever the visitor had moved.
            fitView={!opened.far}
            fitViewOptions={fit}
            defaultViewport={viewport}
            style={style}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            connectionRadius={28}
            ariaLabelConfig={ariaLabelConfig}
            aria-label={t('ui.canvas.simulationCanvas')}
          >
            <Background gap={22} size={1.2} />
            {links.layer && <FarLinkLayer {...links.layer} />}
            {dense ? <CrowdedWire /> : <WireDots />}
            <CauseLink />
            <ZoomVar />
            <RefitOnGrowth fit={fit} movedRef={movedRef} />
            {editing && <Palette vertical={vertical} compact={vertical} />}
            <CanvasToolbar fit={fit} />
            <Controls showInteractive={false} showZoom={!vertical} position="bottom-left" fitViewOptions={fit} onFitView={onFitView} onZoomIn={onZoomButton} onZoomOut={onZoomButton} />
            {!vertical && overview && (
              <MiniMap<AppNode>
                pannable
                zoomable
                nodeColor={minimapColour}
                nodeBorderRadius={8}
                maskColor={dark ? MINIMAP_MASK.dark : MINIMAP_MASK.light}
                style={{ width: 150, height: 96 }}
                position="bottom-right"
                className="!m-3 overflow-hidden !rounded-lg border border-slate-200 dark:border-slate-700"
              />
            )}
          </ReactFlow>
        </FarViewProvider>
      </DenseWire.Provider>
    </div>
  );
}

/** The fit options for the canvas as it is now: its shape, the phone's sheet, the palette. */
function useFit(vertical: boolean): FitViewOptions {
  const editing = useUi(selectEditing);
  const sheet = useMediaQuery('(max-width: 767.98px)');
  return vertical ? (sheet ? fitSheet : fitNarrow) : editing ? fitEditing : fitWide;
}

/**
 * One document's flow. When the canvas's size is known (not on the page's first render), its
 * store starts with the scenario's cards fitted (first-view.ts), so the first render draws them
 * at the zoom they will be seen at: for a big scenario, far cards of a known size with their
 * links, the same objects the canvas then passes, so nothing is measured or drawn twice.
 */
function DocumentFlow({ vertical, box }: { vertical: boolean; box: RefObject<HTMLDivElement | null> }) {
  const playback = usePlaybackStore();
  const fit = useFit(vertical);
  const [first] = useState(() => {
    const { scenario, labels } = playback.getState();
    const el = box.current;
    const flow = toFlow(scenario, vertical, labels);
    const size = el && el.clientWidth > 0 && el.clientHeight > 0 && flow.nodes.length > 0 ? { width: el.clientWidth, height: el.clientHeight } : null;
    const view = size && firstView(flow.nodes, size, fit, MIN_ZOOM, MAX_ZOOM);
    // Opened far, a big document's links are the far-link layer's, and React Flow gets none of
    // them (only those that show more than a line, none yet). Given them all, it drew every one
    // on its first render and removed them on the next, when the canvas's own edges reached it.
    const edges = view?.far && flow.nodes.length >= RENDER_VISIBLE_FROM ? [] : flow.edges;
    return { scenario, labels, ...flow, size, view, far: view?.far ?? false, initialEdges: edges };
  });
  const { size, view } = first;
  return (
    <ReactFlowProvider
      {...(size &&
        view && { initialNodes: view.nodes, initialEdges: first.initialEdges, initialWidth: size.width, initialHeight: size.height, fitView: true, initialFitViewOptions: fit, initialMinZoom: MIN_ZOOM, initialMaxZoom: MAX_ZOOM })}
    >
      <Flow vertical={vertical} opened={first} />
    </ReactFlowProvider>
  );
}

/** The canvas: the scenario's graph, laid out top to bottom when the space is narrow. */
export function FlowCanvas() {
  const doc = usePlayback(selectDoc);
  const box = useRef<HTMLDivElement>(null);
  const vertical = useNarrow(box);
  return (
    <div ref={box} className="absolute inset-0">
      {/* A new document or layout is a new flow: remounting re-runs fitView for it. */}
      <DocumentFlow key={`${doc}:${vertical ? 'v' : 'h'}`} vertical={vertical} box={box} />
      <Notices />
      <FaultMenuHost />
    </div>
  );
}
