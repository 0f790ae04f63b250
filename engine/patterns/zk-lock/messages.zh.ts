import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.zk-lock`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: 'ZooKeeper 锁（Curator InterProcessMutex）',
  herd: '前面还有 {ahead} 个；和其他等待者一样监听整个 {path}（羊群效应）',
  deleted: '删除了自己的锁节点',
  alreadyGone: '自己的锁节点已经不在了（会话已过期）',
  deleteFailed: '删除失败：{err}',
  cannotCreateNode: '无法在 {path} 下创建锁节点：{err}',
  cannotCreate: '无法创建 {path}：{err}',
  watchesPred: '只监听自己的前驱节点 {node}',
  sessionLost: '它的 ZooKeeper 会话已过期（LOST）：临时顺序节点已被删除',
  suspended: '连接 SUSPENDED',
  suspendedWith: '{detail} · 连接 SUSPENDED',
};
