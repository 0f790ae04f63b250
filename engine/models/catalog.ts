import type { z } from 'zod';
import type { ModelDef } from '../core/types';
import { appModel, appParams } from './app-service/model';
import { attackerModel, attackerParams } from './attacker/model';
import { clientModel, clientParams } from './client/model';
import { lbModel, lbParams } from './lb/model';
import { paymentsModel, paymentsParams } from './payments/model';
import { redisModel, redisParams } from './redis/model';
import { storageModel, storageParams } from './storage/model';
import { zookeeperModel, zookeeperParams } from './zookeeper/model';

/** What the palette and the scenario builder know about a node type. */
export interface NodeKind {
  readonly type: string;
  readonly title: string;
  readonly blurb: string;
  readonly params: z.ZodType;
  readonly model: ModelDef<never, unknown>;
  /** Node types it may be linked to (the canvas refuses other links, with a reason). */
  readonly linksTo: readonly string[];
}

/** Every node type, by type. Later issues add ZooKeeper, broker, database, gateway… here. */
export const NODE_KINDS: Readonly<Record<string, NodeKind>> = {
  client: {
    type: 'client',
    title: 'Client',
    blurb: 'Runs a program: sends requests, waits for replies, retries.',
    params: clientParams,
    model: clientModel as unknown as ModelDef<never, unknown>,
    linksTo: ['redis', 'zookeeper', 'storage', 'payments', 'lb', 'app', 'attacker'],
  },
  redis: {
    type: 'redis',
    title: 'Redis',
    blurb: 'In-memory key-value server with TTLs.',
    params: redisParams,
    model: redisModel as unknown as ModelDef<never, unknown>,
    linksTo: ['client', 'redis'],
  },
  zookeeper: {
    type: 'zookeeper',
    title: 'ZooKeeper',
    blurb: 'Coordination service: znodes, sessions, watches.',
    params: zookeeperParams,
    model: zookeeperModel as unknown as ModelDef<never, unknown>,
    linksTo: ['client'],
  },
  storage: {
    type: 'storage',
    title: 'Storage',
    blurb: 'The resource a lock protects; with fencing it refuses writes carrying an old token.',
    params: storageParams,
    model: storageModel as unknown as ModelDef<never, unknown>,
    linksTo: ['client'],
  },
  payments: {
    type: 'payments',
    title: 'Payment service',
    blurb: 'Charges a card for each payment request; can dedupe retries by idempotency key in Redis or ZooKeeper.',
    params: paymentsParams,
    model: paymentsModel as unknown as ModelDef<never, unknown>,
    linksTo: ['client', 'redis', 'zookeeper'],
  },
  app: {
    type: 'app',
    title: 'App service',
    blurb: 'Serves logged-in users; keeps sessions in memory or in Redis, or verifies JWTs on its own clock.',
    params: appParams,
    model: appModel as unknown as ModelDef<never, unknown>,
    linksTo: ['client', 'lb', 'redis'],
  },
  lb: {
    type: 'lb',
    title: 'Load balancer',
    blurb: 'Spreads requests over app services, round-robin or sticky; health-checks them and skips the ones down.',
    params: lbParams,
    model: lbModel as unknown as ModelDef<never, unknown>,
    linksTo: ['client', 'app'],
  },
  attacker: {
    type: 'attacker',
    title: 'Attacker',
    blurb: 'Replays a session cookie or token stolen from a user linked to it.',
    params: attackerParams,
    model: attackerModel as unknown as ModelDef<never, unknown>,
    linksTo: ['lb', 'app'],
  },
};

/** The model registry the simulation needs. */
export const MODELS: Readonly<Record<string, ModelDef<never, unknown>>> = Object.fromEntries(
  Object.values(NODE_KINDS).map((k) => [k.type, k.model]),
);
