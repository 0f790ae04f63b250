import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.traffic`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '流量源（速率、泊松、突发、爬坡、列表）',
  detail: '已发 {sent} 个：{ok} 个通过{waited}，{refused} 个被拒',
  waited: '（{n} 个等待过）',
  noLimiter: '没有连接限流器',
  timerNext: '下一个请求到达',
};
