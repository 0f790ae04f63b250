import type { z } from 'zod';
import type { ModelDef } from '../core/types';
import { appParams } from './app-service/params';
import { attackerParams } from './attacker/params';
import { clientParams } from './client/params';
import { lbParams } from './lb/params';
import { paymentsParams } from './payments/params';
import { redisParams } from './redis/params';
import { storageParams } from './storage/params';
import { zookeeperParams } from './zookeeper/params';

type Behaviour = Promise<ModelDef<never, unknown>>;

/**
 * What the palette, the inspector and the scenario parser know about a node type, without its
 * behaviour. `load` fetches the model (handlers); engine/registry calls it the first time a
 * scenario has a node of this type.
 */
export interface NodeKind {
  readonly type: string;
  readonly title: string;
  readonly blurb: string;
  readonly params: z.ZodType;
  /** Node types it may be linked to (the canvas refuses other links, with a reason). */
  readonly linksTo: readonly string[];
  load(): Behaviour;
}

/**
 * Every node type, by type. A new kind is a folder (params.ts, model.ts) and an entry here;
 * `import()` keeps each model's code in its own chunk, fetched only by scenarios that use it.
 */
export const NODE_KINDS: Readonly<Record<string, NodeKind>> = {
  client: {
    type: 'client',
    title: 'Client',
    blurb: 'Runs a program: sends requests, waits for replies, retries.',
    params: clientParams,
    linksTo: ['redis', 'zookeeper', 'storage', 'payments', 'lb', 'app', 'attacker'],
    load: (): Behaviour => import('./client/model').then((m) => m.clientModel as unknown as ModelDef<never, unknown>),
  },
  redis: {
    type: 'redis',
    title: 'Redis',
    blurb: 'In-memory key-value server with TTLs.',
    params: redisParams,
    linksTo: ['client', 'redis'],
    load: (): Behaviour => import('./redis/model').then((m) => m.redisModel as unknown as ModelDef<never, unknown>),
  },
  zookeeper: {
    type: 'zookeeper',
    title: 'ZooKeeper',
    blurb: 'Coordination service: znodes, sessions, watches.',
    params: zookeeperParams,
    linksTo: ['client'],
    load: (): Behaviour => import('./zookeeper/model').then((m) => m.zookeeperModel as unknown as ModelDef<never, unknown>),
  },
  storage: {
    type: 'storage',
    title: 'Storage',
    blurb: 'The resource a lock protects; with fencing it refuses writes carrying an old token.',
    params: storageParams,
    linksTo: ['client'],
    load: (): Behaviour => import('./storage/model').then((m) => m.storageModel as unknown as ModelDef<never, unknown>),
  },
  payments: {
    type: 'payments',
    title: 'Payment service',
    blurb: 'Charges a card for each payment request; can dedupe retries by idempotency key in Redis or ZooKeeper.',
    params: paymentsParams,
    linksTo: ['client', 'redis', 'zookeeper'],
    load: (): Behaviour => import('./payments/model').then((m) => m.paymentsModel as unknown as ModelDef<never, unknown>),
  },
  app: {
    type: 'app',
    title: 'App service',
    blurb: 'Serves logged-in users; keeps sessions in memory or in Redis, or verifies JWTs on its own clock.',
    params: appParams,
    linksTo: ['client', 'lb', 'redis'],
    load: (): Behaviour => import('./app-service/model').then((m) => m.appModel as unknown as ModelDef<never, unknown>),
  },
  lb: {
    type: 'lb',
    title: 'Load balancer',
    blurb: 'Spreads requests over app services, round-robin or sticky; health-checks them and skips the ones down.',
    params: lbParams,
    linksTo: ['client', 'app'],
    load: (): Behaviour => import('./lb/model').then((m) => m.lbModel as unknown as ModelDef<never, unknown>),
  },
  attacker: {
    type: 'attacker',
    title: 'Attacker',
    blurb: 'Replays a session cookie or token stolen from a user linked to it.',
    params: attackerParams,
    linksTo: ['lb', 'app'],
    load: (): Behaviour => import('./attacker/model').then((m) => m.attackerModel as unknown as ModelDef<never, unknown>),
  },
};
