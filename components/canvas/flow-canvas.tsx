'use client';

import { Background, Controls, ReactFlow, useNodesState, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useRef } from 'react';
import type { Scenario } from '@/engine/scenario/schema';
import { usePlayback } from '@/stores/playback-context';
import { selectScenario } from '@/stores/selectors';
import { ClientNode } from '../nodes/client-node';
import { GenericNode } from '../nodes/generic-node';
import { RedisNode } from '../nodes/redis-node';
import { ZookeeperNode } from '../nodes/zookeeper-node';
import { usePrefersDark } from '../ui/use-media-query';
import { useNarrow } from '../ui/use-narrow';
import type { AppNode, LinkEdge } from './flow-types';
import { MessageEdge } from './message-edge';
import { toFlow } from './to-flow';

// Module scope: React Flow re-creates every node when these objects change identity.
const nodeTypes = { client: ClientNode, redis: RedisNode, zookeeper: ZookeeperNode, generic: GenericNode } satisfies NodeTypes;
const edgeTypes = { link: MessageEdge } satisfies EdgeTypes;
const fitViewOptions = { padding: 0.15, maxZoom: 1.4 };

/**
 * React Flow itself. It holds only layout (nodes and edges from the scenario, moved by
 * dragging); every node and edge reads its live state from the playback store, so a frame of
 * playback never touches React Flow's own state.
 */
function Flow({ scenario, vertical }: { scenario: Scenario; vertical: boolean }) {
  const initial = useMemo(() => toFlow(scenario, vertical), [scenario, vertical]);
  const [nodes, , onNodesChange] = useNodesState<AppNode>(initial.nodes);
  const dark = usePrefersDark();
  return (
    <ReactFlow<AppNode, LinkEdge>
      nodes={nodes}
      edges={initial.edges}
      onNodesChange={onNodesChange}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      colorMode={dark ? 'dark' : 'light'}
      nodesConnectable={false}
      edgesFocusable={false}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.25}
      maxZoom={2}
      aria-label="Simulation canvas"
    >
      <Background gap={22} size={1.2} />
      <Controls showInteractive={false} position="top-left" />
    </ReactFlow>
  );
}

/** The canvas: the scenario's graph, laid out top to bottom when the space is narrow. */
export function FlowCanvas() {
  const scenario = usePlayback(selectScenario);
  const box = useRef<HTMLDivElement>(null);
  const vertical = useNarrow(box);
  return (
    <div ref={box} className="absolute inset-0">
      {/* A new layout is a new flow: remounting re-runs fitView for it. */}
      <Flow key={vertical ? 'vertical' : 'horizontal'} scenario={scenario} vertical={vertical} />
    </div>
  );
}
