import type { en } from './messages.en';

/** Simplified Chinese messages of `node.redis`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '{replica, select, yes {副本 · } other {}}{n} 个键',
  replicaOf: '副本，主节点 ',
  noKeys: '没有键',
  keys: '{label} 的键',
};
