import type { en } from './messages.en';

/** Simplified Chinese messages of `node.limiter`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  'field-algorithm': '算法',
  'field-perKey': '每个键（用户）各用一个限流器',
  summary: '{name}：放行 {allowed}，拒绝 {rejected}{queued, plural, =0 {} other {，排队 #}}',
  window: '窗口 {s} s',
  windowNew: '新窗口',
  slots: '{n} 个子窗口 × {ms} ms',
  last: '最近 {ms} ms',
  queue: '队列',
  waiting: '{n} 个等待中',
  leavesIn: '{ms} ms 后放行',
  status: '状态',
  through: '放行 {n}',
  refused: '拒绝 {n}',
  waited: '排队 {n}',
  noRequest: '还没有请求',
  moreKeys: '还有 {n} 个键',
};
