import type { en } from './messages.en';

/** Simplified Chinese messages of `model.attacker`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  stolenCopy: '被盗副本：{owner} 的 {cred}',
  credential: '凭证',
};
