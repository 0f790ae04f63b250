/** Every English message of the UI, by namespace (see engine/i18n/README.md). */
import { en as i18n } from './messages.en';
import { en as canvas } from '../canvas/messages.en';
import { en as embed } from '../embed/messages.en';
import { en as hunt } from '../hunt/messages.en';
import { en as panels } from '../panels/messages.en';
import { en as panels_inspector } from '../panels/inspector/messages.en';
import { en as playground } from '../playground/messages.en';
import { en as sequence } from '../sequence/messages.en';
import { en as ui } from '../ui/messages.en';
import { en as nodes } from '../nodes/messages.en';
import { en as node_app_service } from '../nodes/app-service/messages.en';
import { en as node_attacker } from '../nodes/attacker/messages.en';
import { en as node_client } from '../nodes/client/messages.en';
import { en as node_db } from '../nodes/db/messages.en';
import { en as node_lb } from '../nodes/lb/messages.en';
import { en as node_limiter } from '../nodes/limiter/messages.en';
import { en as node_mq } from '../nodes/mq/messages.en';
import { en as node_notifier } from '../nodes/notifier/messages.en';
import { en as node_payments } from '../nodes/payments/messages.en';
import { en as node_redis } from '../nodes/redis/messages.en';
import { en as node_sentinel } from '../nodes/sentinel/messages.en';
import { en as node_storage } from '../nodes/storage/messages.en';
import { en as node_tc } from '../nodes/tc/messages.en';
import { en as node_tcc_svc } from '../nodes/tcc-svc/messages.en';
import { en as node_xa_tm } from '../nodes/xa-tm/messages.en';
import { en as node_zookeeper } from '../nodes/zookeeper/messages.en';

export const uiEn = {
  i18n,
  canvas: canvas,
  embed: embed,
  hunt: hunt,
  panels: panels,
  'panels-inspector': panels_inspector,
  playground: playground,
  sequence: sequence,
  ui: ui,
  nodes: nodes,
  node: {
    'app-service': node_app_service,
    attacker: node_attacker,
    client: node_client,
    db: node_db,
    lb: node_lb,
    limiter: node_limiter,
    mq: node_mq,
    notifier: node_notifier,
    payments: node_payments,
    redis: node_redis,
    sentinel: node_sentinel,
    storage: node_storage,
    tc: node_tc,
    'tcc-svc': node_tcc_svc,
    'xa-tm': node_xa_tm,
    zookeeper: node_zookeeper,
  },
};
