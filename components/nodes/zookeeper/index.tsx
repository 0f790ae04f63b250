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
    tickTime: { label: p('ui.node.zookeeper.field-tickTime'), unit: 'ms' },
    extendedTypes: { label: p('ui.node.zookeeper.field-extendedTypes') },
    serverId: { label: p('ui.node.zookeeper.field-serverId') },
    initLimit: { label: p('ui.node.zookeeper.field-initLimit'), unit: p('ui.node.zookeeper.unit-ticks') },
    syncLimit: { label: p('ui.node.zookeeper.field-syncLimit'), unit: p('ui.node.zookeeper.unit-ticks') },
    fsyncMs: { label: p('ui.node.zookeeper.field-fsyncMs'), unit: 'ms' },
    fsyncJitterMs: { label: p('ui.node.zookeeper.field-fsyncJitterMs'), unit: 'ms' },
  },
  card: () => import('./card').then((m) => m.ZookeeperCard),
};
