import type { en } from './messages.en';

/** Simplified Chinese messages of `model.payments`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  logReplayed: '重放 {charge}',
  logCharged: '扣款 {amount}，记为 {charge}',
  logCode: '{code} {charge}',
  charged: '已扣款 {amount}',
  chargedStoreFailed: '已扣款 {amount}；保存结果失败：{error}',
  chargedStoreSilent: '已扣款 {amount}；结果可能没有保存（{store} 没有应答）',
  storeSilent: '{store} 没有应答',
  unreadable: '{key} 下的记录无法解析',
  otherUse: '幂等键 {key} 已用于 {stored}，而不是 {fp}',
  inProgress: '幂等键 {key} 对应的请求仍在处理中',
  alreadyPaid: '已支付，记为 {charge}',
  cannotCreate: '无法创建 {path}：{error}',
  noKey: '没有幂等键',
  key: '幂等键 {key}',
  timerCharged: '卡组织返回：扣款完成',
  timerStore: '发往幂等键存储的请求超时',
  request: '{node} 收到 {client} 为 {order} 支付 {amount} 的请求（{key}{attempt, plural, =1 {} other {，第 {attempt} 次尝试}}）',
  takeover: '{node} 在 {store} 上占用幂等键 {key}：之前的“处理中”标记已过期，于是这次尝试接手这笔支付',
  claim: '{node} 在 {store} 上为 {order} 占用幂等键 {key}：还没有人用过它，所以这个请求会扣款',
  charge: '{node} 为 {client} 的 {order} 扣款 {amount}，记为 {charge}（第 {attempt} 次尝试）',
  reply: '{node} 回复 {client}：{code}{replayed}（{detail}）',
  replayed: '——返回保存的结果 {charge}，没有新的扣款',
  paramDedupeStore: '去重存储需要填写存储节点的 id',
};
