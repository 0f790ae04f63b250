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
    hz: { label: 'Expiry cycles', unit: 'per s' },
    replicaOf: { label: 'Replica of' },
    replPingMs: { label: 'Replication ping' },
    replTimeoutMs: { label: 'Replication timeout' },
    appendonly: { label: 'Append-only file' },
    appendfsync: { label: 'fsync the file (appendfsync)' },
    promoteOnPrimaryDownMs: { label: 'Promote after primary down' },
  },
  card: () => import('./card').then((m) => m.RedisCard),
};
