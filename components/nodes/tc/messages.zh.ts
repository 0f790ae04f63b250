import type { en } from './messages.en';

/** Simplified Chinese messages of `node.tc`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '完成 {succeeded} · 回滚 {failed}',
  mode: '{mode} · {status}',
  retries: ' ·重试 {n} 次',
  calling: '正在调用 {what}',
  waitingRetry: '等待重试',
};
