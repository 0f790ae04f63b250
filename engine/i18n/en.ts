/**
 * Every English message of the engine, by namespace (see README.md), but the built-ins' text
 * (`library`, see library-en.ts), which English readers see straight from the scenario files.
 */
import { en as core } from '../core/messages.en';
import { en as scenario } from '../scenario/messages.en';
import { en as invariants } from '../invariants/messages.en';
import { en as hunt } from '../hunt/messages.en';
import { en as trace } from '../trace/messages.en';
import { en as clients } from '../clients/messages.en';
import { en as model_common } from '../models/messages.en';
import { en as model_app_service } from '../models/app-service/messages.en';
import { en as model_attacker } from '../models/attacker/messages.en';
import { en as model_client } from '../models/client/messages.en';
import { en as model_db } from '../models/db/messages.en';
import { en as model_lb } from '../models/lb/messages.en';
import { en as model_limiter } from '../models/limiter/messages.en';
import { en as model_mq } from '../models/mq/messages.en';
import { en as model_notifier } from '../models/notifier/messages.en';
import { en as model_payments } from '../models/payments/messages.en';
import { en as model_redis } from '../models/redis/messages.en';
import { en as model_sentinel } from '../models/sentinel/messages.en';
import { en as model_storage } from '../models/storage/messages.en';
import { en as model_tc } from '../models/tc/messages.en';
import { en as model_tcc_svc } from '../models/tcc-svc/messages.en';
import { en as model_xa_tm } from '../models/xa-tm/messages.en';
import { en as model_zookeeper } from '../models/zookeeper/messages.en';
import { en as pattern_common } from '../patterns/messages.en';
import { en as pattern_config_admin } from '../patterns/config-admin/messages.en';
import { en as pattern_config_watcher } from '../patterns/config-watcher/messages.en';
import { en as pattern_inbox_consumer } from '../patterns/inbox-consumer/messages.en';
import { en as pattern_mq_consumer } from '../patterns/mq-consumer/messages.en';
import { en as pattern_notifier } from '../patterns/notifier/messages.en';
import { en as pattern_notify_receiver } from '../patterns/notify-receiver/messages.en';
import { en as pattern_outbox_order } from '../patterns/outbox-order/messages.en';
import { en as pattern_outbox_relay } from '../patterns/outbox-relay/messages.en';
import { en as pattern_pay_client } from '../patterns/pay-client/messages.en';
import { en as pattern_redis_lock } from '../patterns/redis-lock/messages.en';
import { en as pattern_redis_script } from '../patterns/redis-script/messages.en';
import { en as pattern_redisson_lock } from '../patterns/redisson-lock/messages.en';
import { en as pattern_redlock } from '../patterns/redlock/messages.en';
import { en as pattern_saga_service } from '../patterns/saga-service/messages.en';
import { en as pattern_token_replay } from '../patterns/token-replay/messages.en';
import { en as pattern_traffic } from '../patterns/traffic/messages.en';
import { en as pattern_tx_producer } from '../patterns/tx-producer/messages.en';
import { en as pattern_web_user } from '../patterns/web-user/messages.en';
import { en as pattern_xa_operator } from '../patterns/xa-operator/messages.en';
import { en as pattern_zk_lock } from '../patterns/zk-lock/messages.en';
import { en as pattern_zk_script } from '../patterns/zk-script/messages.en';

export const engineEn = {
  core: core,
  scenario: scenario,
  invariants: invariants,
  hunt: hunt,
  trace: trace,
  clients: clients,
  model: {
    common: model_common,
    'app-service': model_app_service,
    attacker: model_attacker,
    client: model_client,
    db: model_db,
    lb: model_lb,
    limiter: model_limiter,
    mq: model_mq,
    notifier: model_notifier,
    payments: model_payments,
    redis: model_redis,
    sentinel: model_sentinel,
    storage: model_storage,
    tc: model_tc,
    'tcc-svc': model_tcc_svc,
    'xa-tm': model_xa_tm,
    zookeeper: model_zookeeper,
  },
  pattern: {
    common: pattern_common,
    'config-admin': pattern_config_admin,
    'config-watcher': pattern_config_watcher,
    'inbox-consumer': pattern_inbox_consumer,
    'mq-consumer': pattern_mq_consumer,
    notifier: pattern_notifier,
    'notify-receiver': pattern_notify_receiver,
    'outbox-order': pattern_outbox_order,
    'outbox-relay': pattern_outbox_relay,
    'pay-client': pattern_pay_client,
    'redis-lock': pattern_redis_lock,
    'redis-script': pattern_redis_script,
    'redisson-lock': pattern_redisson_lock,
    redlock: pattern_redlock,
    'saga-service': pattern_saga_service,
    'token-replay': pattern_token_replay,
    traffic: pattern_traffic,
    'tx-producer': pattern_tx_producer,
    'web-user': pattern_web_user,
    'xa-operator': pattern_xa_operator,
    'zk-lock': pattern_zk_lock,
    'zk-script': pattern_zk_script,
  },
};
