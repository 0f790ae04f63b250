/** Every Simplified Chinese message of the engine, by namespace: loaded only when the reader picks Chinese. */
import { zh as core } from '../core/messages.zh';
import { zh as scenario } from '../scenario/messages.zh';
import { zh as invariants } from '../invariants/messages.zh';
import { zh as hunt } from '../hunt/messages.zh';
import { zh as trace } from '../trace/messages.zh';
import { zh as clients } from '../clients/messages.zh';
import { zh as model_common } from '../models/messages.zh';
import { zh as model_app_service } from '../models/app-service/messages.zh';
import { zh as model_attacker } from '../models/attacker/messages.zh';
import { zh as model_client } from '../models/client/messages.zh';
import { zh as model_db } from '../models/db/messages.zh';
import { zh as model_lb } from '../models/lb/messages.zh';
import { zh as model_limiter } from '../models/limiter/messages.zh';
import { zh as model_mq } from '../models/mq/messages.zh';
import { zh as model_notifier } from '../models/notifier/messages.zh';
import { zh as model_payments } from '../models/payments/messages.zh';
import { zh as model_redis } from '../models/redis/messages.zh';
import { zh as model_sentinel } from '../models/sentinel/messages.zh';
import { zh as model_storage } from '../models/storage/messages.zh';
import { zh as model_tc } from '../models/tc/messages.zh';
import { zh as model_tcc_svc } from '../models/tcc-svc/messages.zh';
import { zh as model_xa_tm } from '../models/xa-tm/messages.zh';
import { zh as model_zookeeper } from '../models/zookeeper/messages.zh';
import { zh as pattern_common } from '../patterns/messages.zh';
import { zh as pattern_config_admin } from '../patterns/config-admin/messages.zh';
import { zh as pattern_config_watcher } from '../patterns/config-watcher/messages.zh';
import { zh as pattern_inbox_consumer } from '../patterns/inbox-consumer/messages.zh';
import { zh as pattern_mq_consumer } from '../patterns/mq-consumer/messages.zh';
import { zh as pattern_notifier } from '../patterns/notifier/messages.zh';
import { zh as pattern_notify_receiver } from '../patterns/notify-receiver/messages.zh';
import { zh as pattern_outbox_order } from '../patterns/outbox-order/messages.zh';
import { zh as pattern_outbox_relay } from '../patterns/outbox-relay/messages.zh';
import { zh as pattern_pay_client } from '../patterns/pay-client/messages.zh';
import { zh as pattern_redis_lock } from '../patterns/redis-lock/messages.zh';
import { zh as pattern_redis_script } from '../patterns/redis-script/messages.zh';
import { zh as pattern_redisson_lock } from '../patterns/redisson-lock/messages.zh';
import { zh as pattern_redlock } from '../patterns/redlock/messages.zh';
import { zh as pattern_saga_service } from '../patterns/saga-service/messages.zh';
import { zh as pattern_token_replay } from '../patterns/token-replay/messages.zh';
import { zh as pattern_traffic } from '../patterns/traffic/messages.zh';
import { zh as pattern_tx_producer } from '../patterns/tx-producer/messages.zh';
import { zh as pattern_web_user } from '../patterns/web-user/messages.zh';
import { zh as pattern_xa_operator } from '../patterns/xa-operator/messages.zh';
import { zh as pattern_zk_lock } from '../patterns/zk-lock/messages.zh';
import { zh as pattern_zk_script } from '../patterns/zk-script/messages.zh';

import { libraryMessages } from '../scenario/library/text';
import { LIBRARY_ZH } from '../scenario/library/zh';

export const engineZh = {
  library: libraryMessages(LIBRARY_ZH),
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
