'use client';

import { useI18n } from '@/components/i18n/use-i18n';
import { applyNodeChanges, Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type FitViewOptions, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePlayback } from '@/stores/playback-context';
import { selectDoc, selectLabels, selectScenario } from '@/stores/selectors';
import { FaultMenuHost } from '../canvas/fault-menu-host';
import { ZoomVar } from '../canvas/zoom-var';
import type { AppNode, LinkEdge } from '../canvas/flow-types';
import { Notices } from '../canvas/notices';
import { carryOver, toFlow } from '../canvas/to-flow';
import { useCanvasMenus } from '../canvas/use-canvas-menus';
import { DenseWire, useDenseWireLatch } from '../canvas/dense-wire';
import { CrowdedWire } from '../canvas/crowded-wire';
import { WireDots } from '../canvas/wire-dots';
import { edgeTypes, nodeTypes } from '../canvas/flow-registry';
import { FarViewProvider, selectFar } from '../nodes/far-view';
import { FarLinkLayer, useFarLinks } from '../canvas/far-link-layer';
import { RENDER_VISIBLE_FROM } from '../canvas/render-visible';
import { useKeyboardWalk } from '../canvas/keyboard-walk';

// Module scope, as in the playground's canvas (keep the two lists alike when a node type is added;
// until then a type missing here is drawn as a generic card, see cardsOf).
// Room for the title and link above the graph and the fit button below it; nothing else floats here.
const fit: FitViewOptions = { padding: { top: '40px', right: '16px', bottom: '36px', left: '16px' }, maxZoom: 1.2 };

/**
 * The flow's nodes and edges. Always the scenario's own layout: the playground's top-to-bottom
 * phone layout packs the cards of a wide row side by side, and an embed has no side panel to
 * make room for.
 */
const cardsOf = (scenario: Parameters<typeof toFlow>[0], labels: Parameters<typeof toFlow>[2]) => toFlow(scenario, false, labels);

/** Keeps the whole graph in view when the frame is resized (a host page's responsive column). */
function useFitOnResize(box: React.RefObject<HTMLDivElement | null>) {
  const flow = useReactFlow();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let raf = 0;
    let first = true;
    const ro = new ResizeObserver(() => {
      // The first report is the initial size, which fitView on mount already handled.
      if (first) return void (first = false);
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => void flow.fitView(fit));
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(raf);
      ro.disconnect();
    };
  }, [box, flow]);
}

/**
 * The embedded graph. Nothing on it can be moved, linked or deleted; the wheel scrolls the host
 * page instead of zooming. With `faults`, a right-click, a long press or a card's ⋯ button
 * opens the fault menu, and a fault is recorded at the cursor like in the playground.
 */
function Flow({ faults, dark, box }: { faults: boolean; dark: boolean; box: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useI18n();
  const scenario = usePlayback(selectScenario);
  const labels = usePlayback(selectLabels);
  const [shown, setShown] = useState(scenario);
  const [shownLabels, setShownLabels] = useState(labels);
  const [nodes, setNodes] = useState<AppNode[]>(() => cardsOf(scenario, labels).nodes);
  const [edges, setEdges] = useState<LinkEdge[]>(() => cardsOf(scenario, labels).edges);
  // Another scenario, or the names in another language.
  if (shown !== scenario || shownLabels !== labels) {
    const next = cardsOf(scenario, labels);
    setShown(scenario);
    setShownLabels(labels);
    setNodes((prev) => carryOver(prev, next.nodes));
    setEdges((prev) => carryOver(prev, next.edges));
  }
  // Only React Flow's own bookkeeping (measured sizes) arrives here: nothing is draggable.
  const onNodesChange = useCallback((changes: NodeChange<AppNode>[]) => setNodes((nds) => applyNodeChanges(changes, nds)), []);
  useFitOnResize(box);

  const dense = useDenseWireLatch();
  const walk = useKeyboardWalk();
  // A big document seen from afar draws its plain links as one layer (far-link-layer.tsx).
  const far = useStore(selectFar);
  const links = useFarLinks(edges, nodes, far && nodes.length >= RENDER_VISIBLE_FROM);
  const { onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu, longPress } = useCanvasMenus(faults ? links.linkAt : null);

  return (
    <div className="absolute inset-0" {...(faults ? longPress : {})} {...walk.handlers}>
      <DenseWire.Provider value={dense}>
        <FarViewProvider>
          <ReactFlow<AppNode, LinkEdge>
            nodes={nodes}
            onlyRenderVisibleElements={nodes.length >= RENDER_VISIBLE_FROM && !walk.walking}
            edges={links.edges}
            onNodesChange={onNodesChange}
            onNodeContextMenu={faults ? onNodeContextMenu : undefined}
            onEdgeContextMenu={faults ? onEdgeContextMenu : undefined}
            onPaneContextMenu={faults ? onPaneContextMenu : undefined}
            onPaneClick={faults ? links.onPaneClick : undefined}
            onPaneMouseMove={faults ? links.onPaneMouseMove : undefined}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            colorMode={dark ? 'dark' : 'light'}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={faults}
            nodesFocusable={faults}
            edgesFocusable={faults}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            zoomOnScroll={false}
            zoomOnDoubleClick={false}
            preventScrolling={false}
            fitView
            fitViewOptions={fit}
            minZoom={0.1}
            maxZoom={2}
            aria-label={t('ui.canvas.simulationCanvas')}
          >
            <Background gap={22} size={1.2} />
            <ZoomVar />
            {links.layer && <FarLinkLayer {...links.layer} />}
            {dense ? <CrowdedWire /> : <WireDots />}
            <Controls showInteractive={false} showZoom={false} position="bottom-left" fitViewOptions={fit} className="!m-2" />
          </ReactFlow>
        </FarViewProvider>
      </DenseWire.Provider>
    </div>
  );
}

/**
 * The player's canvas. Read-only hides every editing affordance (the cards' fault buttons and
 * link handles too, via the wrapper's classes); `faults` brings the fault menu back.
 */
export function EmbedCanvas({ faults, dark }: { faults: boolean; dark: boolean }) {
  const doc = usePlayback(selectDoc);
  const box = useRef<HTMLDivElement>(null);
  const readOnly = faults ? '' : '[&_[data-handlepos]]:invisible [&_[data-testid^=node-menu-]]:hidden';
  return (
    <div ref={box} className={`absolute inset-0 ${readOnly}`} data-testid="embed-canvas" data-mode={faults ? 'editable' : 'readonly'}>
      <ReactFlowProvider key={doc}>
        <Flow faults={faults} dark={dark} box={box} />
      </ReactFlowProvider>
      {faults && (
        <>
          <Notices />
          <FaultMenuHost />
        </>
      )}
    </div>
  );
}
