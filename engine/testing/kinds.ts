import type { ModelDef } from '../core/types';
import { appBehaviour } from '../models/app-service/behaviour';
import { attackerBehaviour } from '../models/attacker/behaviour';
import type { NodeType } from '../models/catalog';
import { clientBehaviour } from '../models/client/behaviour';
import { lbBehaviour } from '../models/lb/behaviour';
import { paymentsBehaviour } from '../models/payments/behaviour';
import { redisBehaviour } from '../models/redis/behaviour';
import { storageBehaviour } from '../models/storage/behaviour';
import { zookeeperBehaviour } from '../models/zookeeper/behaviour';
import type { ProgramKindId } from '../patterns/catalog';
import { configAdmin } from '../patterns/config-admin/program';
import { configWatcher } from '../patterns/config-watcher/program';
import { payClient } from '../patterns/pay-client/program';
import { redisLock } from '../patterns/redis-lock/program';
import { redisScript } from '../patterns/redis-script/program';
import { redissonLock } from '../patterns/redisson-lock/program';
import { tokenReplay } from '../patterns/token-replay/program';
import { webUser } from '../patterns/web-user/program';
import { zkLock } from '../patterns/zk-lock/program';
import { zkScript } from '../patterns/zk-script/program';

// The behaviours statically, so a test's `stateOf(node, 'redis')` is typed with the Redis state.
// `satisfies Record<…>` makes a kind added to a catalog and not here a type error.

/** Every node kind's behaviour, by type, imported statically (tests need no registry). */
export const NODE_BEHAVIOURS = {
  client: clientBehaviour,
  redis: redisBehaviour,
  zookeeper: zookeeperBehaviour,
  storage: storageBehaviour,
  payments: paymentsBehaviour,
  app: appBehaviour,
  lb: lbBehaviour,
  attacker: attackerBehaviour,
} satisfies Record<NodeType, { model: { type: string } }>;

/** Every client program, by kind, imported statically. */
export const PROGRAMS = {
  'redis-script': redisScript,
  'zk-script': zkScript,
  'redis-lock': redisLock,
  'redisson-lock': redissonLock,
  'zk-lock': zkLock,
  'config-admin': configAdmin,
  'config-watcher': configWatcher,
  'pay-client': payClient,
  'web-user': webUser,
  'token-replay': tokenReplay,
} satisfies Record<ProgramKindId, { kind: string }>;

/** The state a node of type `K` holds. */
export type StateOf<K extends NodeType> = (typeof NODE_BEHAVIOURS)[K]['model'] extends { init(p: never): infer S } ? S : never;

/** The state a client program of kind `K` holds. */
export type ProgramStateOf<K extends ProgramKindId> = (typeof PROGRAMS)[K] extends { init(p: never): infer S } ? S : never;

/** Every node model, by type: the registry for a hand-made world of real kinds (`run(spec, KIND_MODELS)`). */
export const KIND_MODELS = Object.fromEntries(Object.entries(NODE_BEHAVIOURS).map(([type, b]) => [type, b.model])) as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;
