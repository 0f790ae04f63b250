import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.notify-receiver`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '被通知的商户（去重，主动回查）',
};
