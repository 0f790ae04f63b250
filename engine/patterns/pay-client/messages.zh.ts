import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.pay-client`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '支付客户端（超时后重试）',
  waiting: '第 {attempt} 次尝试：等待中{key}',
  waitingKey: ' · 幂等键 {key}',
  gaveUp: '尝试 {n} 次后放弃（{why}）',
  retryIn: '{why}；{ms} ms 后重试',
  paid: '已支付 {charge}{how} · 共 {n} 次尝试',
  stored: '（已存储的结果）',
  refused: '被拒绝：{detail}',
  paysIn: '{ms} ms 后支付',
  timedOut: '第 {attempt} 次尝试超时',
  timerSend: '发送支付请求',
  timerTimeout: '仍无应答：超时',
  send: '{node} 在 {target} {retry, select, yes {重试支付} other {支付}} {order} 的 {amount}（{key}，第 {attempt} 次尝试）',
  noKey: '没有幂等键',
  key: '幂等键 {key}',
  timeout: '{node} 在 {ms} ms 内没有收到第 {attempt} 次尝试的应答：请求丢了，还是只是慢？它无从分辨',
  lateAnswer: '{node} 已放弃的第 {attempt} 次尝试的应答到了（{code}{charge}）：连接在超时时已关闭，没人会读它',
  answer: '{node} 收到第 {attempt} 次尝试的应答 {code}{charge}{stored}',
  storedNarr: '（已存储的结果）',
  donePaid: '{node} 完成：{order} 经过 {n} 次尝试后支付成功，扣款 {charge}',
  doneRefused: '{node} 停止：{order} 的支付被拒绝',
  doneGaveUp: '{node} 尝试 {n} 次后放弃 {order}',
};
