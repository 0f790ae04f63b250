import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.redisson-lock`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: 'Redisson 锁（看门狗，pub/sub）',
  permitWake: '它在请求时收到了一条解锁消息',
  waitTtl: '被另一个客户端持有；等待解锁消息，或等 {ms} ms（对方剩余的 TTL）',
  waitMsg: '被另一个客户端持有；等待解锁消息',
  notRedisson: '{lock} 不是 Redisson 锁：{error}',
  subscribes: '被另一个客户端持有；订阅解锁频道',
  renewOk: 'rrenew：自己的字段还在，执行 PEXPIRE',
  renewSilent: '自己的哈希字段已不存在：看门狗自行取消；Redisson 不会告诉应用',
  renewStops: '自己的哈希字段已不存在：看门狗停止',
  lostCheck: '应用自己的 isHeldByCurrentThread() 检查发现锁已不在（它已过期）',
  countZero: '计数归 0：DEL 并在解锁频道上 PUBLISH',
  stillHeld: '仍被持有（计数 > 0）',
  unlockFailed: '解锁失败：{error}',
  notHeld: '锁已不再由这个客户端持有（IllegalMonitorStateException）：它已过期',
  renewTimeout: '无回复：看门狗永久停止',
  noReplyUnlock: '{server} 没有回复解锁请求',
  unlockMessage: '解锁消息',
  ttlOver: '持有者的 TTL 已耗尽',
  timerWait: '持有者的 TTL 已到：再试一次',
  timerRenew: '看门狗：延长租约',
  timerTimeout: '无回复：命令超时',
};
