import type { en } from './messages.en';

/** Simplified Chinese messages of `model.attacker`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  stolenCopy: '盗来的 {owner} 的 {cred} 副本',
  credential: '凭证',
};
