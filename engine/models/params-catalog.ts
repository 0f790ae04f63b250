import type { z } from 'zod';
import { appParams } from './app-service/params';
import { attackerParams } from './attacker/params';
import { clientParams } from './client/params';
import { dbParams } from './db/params';
import { lbParams } from './lb/params';
import { limiterParams } from './limiter/params';
import { mqParams } from './mq/params';
import { notifierParams } from './notifier/params';
import { paymentsParams } from './payments/params';
import { redisParams } from './redis/params';
import { sentinelParams } from './sentinel/params';
import { storageParams } from './storage/params';
import { tcParams } from './tc/params';
import { tccSvcParams } from './tcc-svc/params';
import { xaTmParams } from './xa-tm/params';
import { zookeeperParams } from './zookeeper/params';

// Each node kind's parameter schema, keyed by type, apart from the manifests (./catalog.ts):
// what validates a scenario, fills a new node's defaults and builds the inspector's form. Only
// that code imports it (zod and every schema with it), so a page that opens a scenario it need
// not validate — the playground's default one — paints without it. tests/kinds.test.ts checks
// that it lists the catalog's kinds.

/** Every node kind's parameter schema, by type. */
export const NODE_PARAMS: Readonly<Record<string, z.ZodType>> = {
  app: appParams,
  attacker: attackerParams,
  client: clientParams,
  db: dbParams,
  lb: lbParams,
  limiter: limiterParams,
  mq: mqParams,
  notifier: notifierParams,
  payments: paymentsParams,
  redis: redisParams,
  sentinel: sentinelParams,
  storage: storageParams,
  tc: tcParams,
  'tcc-svc': tccSvcParams,
  'xa-tm': xaTmParams,
  zookeeper: zookeeperParams,
};
