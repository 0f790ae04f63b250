import type { Edge, Node } from '@xyflow/react';

/** What every node card gets from the scenario; live state comes from the playback store. */
export interface NodeCardData extends Record<string, unknown> {
  label: string;
  /** The engine's node type (a generic card shows it for types without their own card). */
  kind: string;
  /** Links enter at the top and leave at the bottom (the narrow-screen layout), not left and right. */
  vertical: boolean;
}

export type ClientFlowNode = Node<NodeCardData, 'client'>;
export type RedisFlowNode = Node<NodeCardData, 'redis'>;
export type ZkFlowNode = Node<NodeCardData, 'zookeeper'>;
export type StorageFlowNode = Node<NodeCardData, 'storage'>;
export type PaymentsFlowNode = Node<NodeCardData, 'payments'>;
export type AppServiceFlowNode = Node<NodeCardData, 'app'>;
export type LbFlowNode = Node<NodeCardData, 'lb'>;
export type AttackerFlowNode = Node<NodeCardData, 'attacker'>;
export type GenericFlowNode = Node<NodeCardData, 'generic'>;

/** Every node the canvas can draw. */
export type AppNode = ClientFlowNode | RedisFlowNode | ZkFlowNode | StorageFlowNode | PaymentsFlowNode | AppServiceFlowNode | LbFlowNode | AttackerFlowNode | GenericFlowNode;

export interface LinkData extends Record<string, unknown> {
  /** Latency summary shown under the edge ("40–60 ms"). */
  latency: string;
}

/** A network link between two nodes. */
export type LinkEdge = Edge<LinkData, 'link'>;
