/** Every Simplified Chinese message of the UI, by namespace. */
import { zh as i18n } from './messages.zh';
import { zh as canvas } from '../canvas/messages.zh';
import { zh as embed } from '../embed/messages.zh';
import { zh as hunt } from '../hunt/messages.zh';
import { zh as panels } from '../panels/messages.zh';
import { zh as panels_inspector } from '../panels/inspector/messages.zh';
import { zh as playground } from '../playground/messages.zh';
import { zh as sequence } from '../sequence/messages.zh';
import { zh as ui } from '../ui/messages.zh';
import { zh as nodes } from '../nodes/messages.zh';
import { zh as node_app_service } from '../nodes/app-service/messages.zh';
import { zh as node_attacker } from '../nodes/attacker/messages.zh';
import { zh as node_client } from '../nodes/client/messages.zh';
import { zh as node_db } from '../nodes/db/messages.zh';
import { zh as node_lb } from '../nodes/lb/messages.zh';
import { zh as node_limiter } from '../nodes/limiter/messages.zh';
import { zh as node_mq } from '../nodes/mq/messages.zh';
import { zh as node_notifier } from '../nodes/notifier/messages.zh';
import { zh as node_payments } from '../nodes/payments/messages.zh';
import { zh as node_redis } from '../nodes/redis/messages.zh';
import { zh as node_sentinel } from '../nodes/sentinel/messages.zh';
import { zh as node_storage } from '../nodes/storage/messages.zh';
import { zh as node_tc } from '../nodes/tc/messages.zh';
import { zh as node_tcc_svc } from '../nodes/tcc-svc/messages.zh';
import { zh as node_xa_tm } from '../nodes/xa-tm/messages.zh';
import { zh as node_zookeeper } from '../nodes/zookeeper/messages.zh';

export const uiZh = {
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
