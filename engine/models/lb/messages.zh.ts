import type { en } from './messages.en';

/** Simplified Chinese messages of `model.lb`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  timerHealth: '健康检查：询问每个后端',
  timerTimeout: '某个后端没有及时应答：504',
  backendUp: '{node} 把 {backend} 重新加入后端池（{detail}）',
  backendDown: '{node} 把 {backend} 移出后端池：{detail}',
  fail503: '{node} 没有可以处理 {origin} 请求的健康后端：503',
  fail502: '{node} 与 {backend} 的连接断开，{origin} 的请求还在其中：502',
  fail504: '{node} 放弃等待 {backend} 处理 {origin} 的请求：504',
  detailClosed: '{why}：立即标记为下线（observe layer4）',
  detailRise: '连续 {n} 次健康检查成功',
  detailFall: '连续 {n} 次健康检查没有应答',
};
