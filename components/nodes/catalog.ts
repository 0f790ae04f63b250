import { byKey } from '@/engine/core/manifest';
import type { NodeType } from '@/engine/models/catalog';
import { appUi } from './app-service';
import { attackerUi } from './attacker';
import { clientUi } from './client';
import { dbUi } from './db';
import { xaTmUi } from './xa-tm';
import { tcUi } from './tc';
import { tccSvcUi } from './tcc-svc';
import type { NodeUi } from './kind-ui';
import { lbUi } from './lb';
import { limiterUi } from './limiter';
import { mqUi } from './mq';
import { notifierUi } from './notifier';
import { paymentsUi } from './payments';
import { redisUi } from './redis';
import { sentinelUi } from './sentinel';
import { storageUi } from './storage';
import { zookeeperUi } from './zookeeper';

/**
 * The UI side of every node kind: one manifest per kind (./<kind>/index.tsx), beside the
 * engine's list (engine/models/catalog.ts). The canvas's card table, the node-type union, the
 * palette's look, the minimap's colours, the far view and the inspector's labels all come from
 * here; cards are fetched the first time a scenario has such a node.
 */
export const NODE_UIS = [clientUi, redisUi, sentinelUi, zookeeperUi, storageUi, paymentsUi, appUi, lbUi, attackerUi, limiterUi, dbUi, xaTmUi, tcUi, tccSvcUi, mqUi, notifierUi] as const;

type Missing = Exclude<NodeType, (typeof NODE_UIS)[number]['type']>;
// Compile-time check that every node type of the engine's catalog has its UI manifest above: a
// kind missing there makes this line an error naming it (a duplicate is caught by a unit test).
const _everyKindHasUi: [Missing] extends [never] ? true : `no UI manifest in NODE_UIS for node type "${Missing}"` = true;

/** A node kind's UI manifest, whichever kind. */
export type AnyNodeUi = { [T in NodeType]: NodeUi<T> }[NodeType];

const BY_TYPE: Readonly<Record<string, AnyNodeUi>> = byKey(NODE_UIS.map((u) => [u.type, u]));

/**
 * The UI manifest of node type `type`. Scenarios are validated before they are shown, so every
 * node's type is a catalog kind, and every catalog kind has a manifest (checked above and by a
 * test): an unknown type is a bug, and throws rather than falling back to a generic look.
 */
export function nodeUi(type: string): AnyNodeUi {
  if (!Object.hasOwn(BY_TYPE, type)) throw new Error(`no UI manifest for node type "${type}"`);
  return BY_TYPE[type];
}
