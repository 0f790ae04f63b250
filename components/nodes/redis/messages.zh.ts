import type { en } from './messages.en';

/** Simplified Chinese messages of `node.redis`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  'unit-perSecond': '次/秒',
  'field-hz': '过期扫描频率',
  'field-replicaOf': '复制自',
  'field-replPingMs': '复制心跳间隔',
  'field-replTimeoutMs': '复制超时',
  'field-appendonly': 'AOF 持久化',
  'field-appendfsync': '文件 fsync 策略（appendfsync）',
  'field-promoteOnPrimaryDownMs': '主节点宕机多久后提升',
  summary: '{replica, select, yes {副本 · } other {}}{n} 个键',
  replicaOf: '复制自 ',
  noKeys: '没有键',
  keys: '{label} 的键',
};
