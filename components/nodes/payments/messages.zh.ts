import type { en } from './messages.en';

/** Simplified Chinese messages of `node.payments`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  chargedTwice: '{n} 笔订单被重复扣款',
  charges: '{n} 笔扣款',
  noKeys: '无幂等键',
  keysIn: '幂等键存于 {where}',
  chargeWord: ' {n, plural, other {笔扣款}}',
  doubled: ' · {orders} 被重复扣款',
  replayed: ' · 重放 {n}',
  jobTitle: '{phase, select, claim {占用幂等键} lookup {读取幂等键} charging {扣款} storing {保存结果} other {{phase}}} {order}（{client}，第 {attempt} 次尝试）',
  job: '{phase, select, claim {占用幂等键} lookup {读取幂等键} charging {扣款} storing {保存结果} other {{phase}}} {order} · {client} #{attempt}',
  latest: '{label} 最近的应答',
};
