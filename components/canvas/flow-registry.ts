import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { AppServiceNode } from '../nodes/app-node';
import { AttackerNode } from '../nodes/attacker-node';
import { ClientNode } from '../nodes/client-node';
import { GenericNode } from '../nodes/generic-node';
import { LbNode } from '../nodes/lb-node';
import { PaymentsNode } from '../nodes/payments-node';
import { RedisNode } from '../nodes/redis-node';
import { StorageNode } from '../nodes/storage-node';
import { ZookeeperNode } from '../nodes/zookeeper-node';
import { withZoomLevels } from '../nodes/zoom-levels';
import { MessageEdge } from './message-edge';

/**
 * The card for each node type, shared by the playground and the embed, each with its far view
 * for a zoomed-out canvas. Module scope, so React Flow sees one stable object. A type missing
 * here is drawn as a generic card.
 */
export const nodeTypes = {
  client: withZoomLevels(ClientNode),
  redis: withZoomLevels(RedisNode),
  zookeeper: withZoomLevels(ZookeeperNode),
  storage: withZoomLevels(StorageNode),
  payments: withZoomLevels(PaymentsNode),
  app: withZoomLevels(AppServiceNode),
  lb: withZoomLevels(LbNode),
  attacker: withZoomLevels(AttackerNode),
  generic: withZoomLevels(GenericNode),
} satisfies NodeTypes;

export const edgeTypes = { link: MessageEdge } satisfies EdgeTypes;
