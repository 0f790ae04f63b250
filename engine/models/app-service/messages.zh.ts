import type { en } from './messages.en';

/** Simplified Chinese messages of `model.app-service`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  timerRedis: 'Redis 没有应答：请求失败',
  handle: '{node} 回复 {origin} 的{route, select, login {登录} get {页面请求} logout {登出} other {令牌刷新}}：{result}{trips, plural, =0 {} other {（经过 # 次 Redis 往返）}}',
  createMemory: '{node} 让 {user} 登录：会话 {sid} 只存在于 {node} 的内存中',
  createRedis: '{node} 让 {user} 登录：会话 {sid} 保存在 {where}，空闲 {idle} 后过期',
  destroy: '{node} 使{hasUser, select, yes { {user} 的} other {}}会话 {sid} 失效{del}',
  destroyDel: '（在 {where} 上 DEL）',
  destroyIdle: '{node} 发现会话 {sid} 空闲超过 maxInactiveInterval，将其删除',
  issueRefresh: '{node} 为 {sub} 签发刷新令牌 {jti}，有效期 {ttl}{parent}',
  rotated: '（轮换：{parent} 已用掉）',
  issueAccess: '{node} 为 {sub} 签发访问令牌 {jti}，有效期 {ttl}{parent}',
  exchange: '（用刷新令牌 {parent} 换取）',
  revokeDeny: '{node} 让 {sub} 登出，并把令牌 {jti} 加入黑名单，直到它剩余的 {left} 有效期结束',
  revokeStateless: '{node} 让 {sub} 登出，但无状态令牌无法收回：{jti} 仍然有效，离到期（exp）还有 {left}',
};
