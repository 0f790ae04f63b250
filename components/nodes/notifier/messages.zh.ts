import type { en } from './messages.en';

/** Simplified Chinese messages of `node.notifier`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  notifying: '通知中',
  allNotified: '全部已通知',
  gaveUp: '已放弃',
};
