import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.redis-script`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: 'Redis 命令脚本',
  timerNext: '下一条命令',
  gets: '{node} 在 {ms} ms 后收到 {command} 的结果 {reply}',
};
