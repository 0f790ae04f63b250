import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.notifier`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '通知方（最大努力通知，按服务商的重试时间表）',
};
