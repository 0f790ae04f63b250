import type { en } from './messages.en';

/** Simplified Chinese messages of `node.app-service`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '已服务 {served} · 已拒绝 {refused}',
  sessionsInMemory: '会话存于内存',
  sessionsIn: '会话存于 {where}',
  redisNotLinked: 'Redis（未连接）',
  refresh: '刷新令牌',
  denylist: '黑名单',
  noSessions: '内存中没有会话',
  noSessionRedis: '自身不保存会话：每个请求都从 Redis 加载',
  noSessionJwt: '不保存会话：用自己的时钟校验签名和 exp',
  served: ' 已服务',
  refused: ' 已拒绝',
  failed: ' 失败',
  waitingRedis: ' · {n} 个在等 Redis',
  jwt: 'JWT · exp {exp}',
};
