import type { en } from './messages.en';

/** Simplified Chinese messages of `ui`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  close: '关闭',
  loading: '加载中…',
};
