import type { en } from './messages.en';

/** Simplified Chinese messages of `node.attacker`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  gettingIn: '正在闯入',
  blocked: '已拦截',
};
