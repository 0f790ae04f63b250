import type { Edge } from '@xyflow/react';
import type { NodeType } from '@/engine/models/catalog';
import type { FlowNodeOf } from '../nodes/kind-ui';

export type { NodeCardData } from '../nodes/kind-ui';

/** Every node the canvas can draw: one member per node type of the engine's catalog. */
export type AppNode = { [T in NodeType]: FlowNodeOf<T> }[NodeType];

export interface LinkData extends Record<string, unknown> {
  /** Latency summary shown under the edge ("40–60 ms"). */
  latency: string;
  /** Differs from the scenario's usual latency: shown all the time, not only on hover. */
  unusual: boolean;
}

/** A network link between two nodes. */
export type LinkEdge = Edge<LinkData, 'link'>;
