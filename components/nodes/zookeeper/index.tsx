import { p } from '@/engine/core/phrase';
import type { NodeUi } from '../kind-ui';
import { TreeIcon } from './icon';

/** How a ZooKeeper server looks: a tree in teal; from afar, how many znodes and sessions it holds. */
export const zookeeperUi: NodeUi<'zookeeper'> = {
  type: 'zookeeper',
  icon: (s) => <TreeIcon width={s} height={s} />,
  tone: 'bg-zk',
  colour: '#0d9488',
  summary: (v) => p('ui.node.zookeeper.summary', { role: v.ensemble ? `${v.ensemble.role} · ` : '', znodes: v.znodes.length, sessions: v.sessions.length }),
  fields: {
    tickTime: { label: 'Tick time', unit: 'ms' },
    extendedTypes: { label: 'Extended types (TTL znodes)' },
    serverId: { label: 'Server id (myid)' },
    initLimit: { label: 'Init limit', unit: 'ticks' },
    syncLimit: { label: 'Sync limit', unit: 'ticks' },
    fsyncMs: { label: 'Fsync time', unit: 'ms' },
    fsyncJitterMs: { label: 'Fsync jitter', unit: 'ms' },
  },
  card: () => import('./card').then((m) => m.ZookeeperCard),
};
