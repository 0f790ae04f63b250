import { appKind } from './app-service';
import { attackerKind } from './attacker';
import { clientKind } from './client';
import { dbKind } from './db';
import { xaTmKind } from './xa-tm';
import { tcKind } from './tc';
import { tccSvcKind } from './tcc-svc';
import { byKey } from '../core/manifest';
import type { NodeManifest } from './kind';
import { lbKind } from './lb';
import { limiterKind } from './limiter';
import { mqKind } from './mq';
import { notifierKind } from './notifier';
import { paymentsKind } from './payments';
import { redisKind } from './redis';
import { sentinelKind } from './sentinel';
import { storageKind } from './storage';
import { zookeeperKind } from './zookeeper';

/**
 * Every node kind, in the palette's order: one manifest per kind (./<kind>/index.ts). A new
 * kind is a folder and an entry here, and a UI folder and an entry in components/nodes/catalog.ts;
 * everything else (validation, the registry, the palette, the log filter) is derived from this
 * list. Each manifest's `load` is an `import()`, so a model's code is fetched only by scenarios
 * that use it.
 */
export const NODE_MANIFESTS = [clientKind, redisKind, sentinelKind, zookeeperKind, storageKind, paymentsKind, appKind, lbKind, attackerKind, limiterKind, dbKind, xaTmKind, tcKind, tccSvcKind, mqKind, notifierKind] as const;

/** Every node type. */
export type NodeType = (typeof NODE_MANIFESTS)[number]['type'];

type ManifestOf<T extends NodeType> = Extract<(typeof NODE_MANIFESTS)[number], { type: T }>;

/** What the canvas gets to show a node of type `T`: its kind's view of the node's state. */
export type NodeViewOf<T extends NodeType> = ManifestOf<T> extends NodeManifest<T, infer V> ? V : never;

/** A node kind's manifest, whatever its type. */
export type NodeKind = NodeManifest<NodeType>;

/** Every node kind, by type. */
export const NODE_KINDS: Readonly<Record<string, NodeKind>> = byKey(NODE_MANIFESTS.map((k) => [k.type, k]));

/** Whether `type` is a node type of the catalog. */
export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(NODE_KINDS, type);
}
