import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.saga-service`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  didDebit: '从 {customer} 扣款 {amount}',
  notDebit: '无法从 {customer} 扣款 {amount}（余额不足）',
  didRefund: '向 {customer} 退款 {amount}',
  didReserve: '预留 {qty} 件 {item}',
  notReserve: '无法预留 {qty} 件 {item}（库存不足）',
  didConfirm: '确认订单',
  didCancel: '取消订单',
  nothing: '发现没有可改的数据：{did}',
  idle: '{role, select, payment {支付} inventory {库存} order {订单} other {{role}}}服务 · 等待事件',
  placing: '正在下单 {order}',
  handling: '{order} 的 {event}',
  working: '{what}{more, plural, =0 {} other {（+{more}）}}',
  timer: '{timer, select, work {处理下一个事件} place {为下一笔订单下单} other {重新向 broker 注册}}',
  start: '{node} 提交 {order}（待处理：{qty} 件 {item}，金额 {amount}，由 {customer} 支付）并发布事件：Saga 开始',
  step: '{node} 收到 {order} 的 {on}，{did}{answer, select, none {} other {，然后发布 {answer}}}',
  duplicate: '{node} 再次收到 {order} 的 {on}：它已在收件箱表中，所以不会重复执行{answer, select, none {} other {；再次发布 {answer}}}',
  event: '{node} 为 {order} 发布 {event}',
  end: '{order} {status, select, confirmed {已确认} other {已取消}}：Saga 结束',
  title: 'Saga 服务（协同式：事件进，本地事务，事件出）',
};
