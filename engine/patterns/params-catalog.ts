import type { z } from 'zod';
import { configAdminParams } from './config-admin/params';
import { configWatcherParams } from './config-watcher/params';
import { inboxConsumerParams } from './inbox-consumer/params';
import { mqConsumerParams } from './mq-consumer/params';
import { notifierParams } from './notifier/params';
import { notifyReceiverParams } from './notify-receiver/params';
import { outboxOrderParams } from './outbox-order/params';
import { outboxRelayParams } from './outbox-relay/params';
import { payClientParams } from './pay-client/params';
import { redisLockParams } from './redis-lock/params';
import { redisScriptParams } from './redis-script/params';
import { redissonLockParams } from './redisson-lock/params';
import { redlockParams } from './redlock/params';
import { sagaServiceParams } from './saga-service/params';
import { tokenReplayParams } from './token-replay/params';
import { trafficParams } from './traffic/params';
import { txProducerParams } from './tx-producer/params';
import { webUserParams } from './web-user/params';
import { xaOperatorParams } from './xa-operator/params';
import { zkLockParams } from './zk-lock/params';
import { zkScriptParams } from './zk-script/params';

// Each client program's parameter schema, keyed by kind, in the catalog's order, apart from the
// manifests (./catalog.ts): only what validates or edits parameters imports it, so a page that
// need not validate paints without zod. tests/kinds.test.ts checks that it lists the catalog's
// programs.

/** Every program's parameter schema (`kind` included: a member of the client's discriminated union), by kind. */
export const PROGRAM_PARAMS: Readonly<Record<string, z.ZodObject>> = {
  'redis-script': redisScriptParams,
  'zk-script': zkScriptParams,
  'redis-lock': redisLockParams,
  'redisson-lock': redissonLockParams,
  redlock: redlockParams,
  'zk-lock': zkLockParams,
  'config-admin': configAdminParams,
  'config-watcher': configWatcherParams,
  'pay-client': payClientParams,
  'web-user': webUserParams,
  'token-replay': tokenReplayParams,
  traffic: trafficParams,
  'tx-producer': txProducerParams,
  'mq-consumer': mqConsumerParams,
  notifier: notifierParams,
  'notify-receiver': notifyReceiverParams,
  'outbox-order': outboxOrderParams,
  'outbox-relay': outboxRelayParams,
  'inbox-consumer': inboxConsumerParams,
  'xa-operator': xaOperatorParams,
  'saga-service': sagaServiceParams,
};
