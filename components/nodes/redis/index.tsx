import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { StoreIcon } from './icon';

/** How a Redis server looks: stacked disks in red; from afar, how many keys it holds. */
export const redisUi: NodeUi<'redis'> = {
  type: 'redis',
  icon: (s) => <StoreIcon width={s} height={s} />,
  tone: 'bg-redis',
  colour: '#dc2626',
  summary: (v) => p('ui.node.redis.summary', { replica: v.replicaOf !== null ? 'yes' : 'no', n: v.keys.length }),
  fields: {
    hz: { label: p('ui.node.redis.field-hz'), unit: p('ui.node.redis.unit-perSecond') },
    replicaOf: { label: p('ui.node.redis.field-replicaOf') },
    replPingMs: { label: p('ui.node.redis.field-replPingMs') },
    replTimeoutMs: { label: p('ui.node.redis.field-replTimeoutMs') },
    appendonly: { label: p('ui.node.redis.field-appendonly') },
    appendfsync: { label: p('ui.node.redis.field-appendfsync') },
    promoteOnPrimaryDownMs: { label: p('ui.node.redis.field-promoteOnPrimaryDownMs') },
  },
  card: () => import('./card').then((m) => m.RedisCard),
};
