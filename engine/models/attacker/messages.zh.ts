import type { en } from './messages.en';

/** Simplified Chinese messages of `model.attacker`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  stolenCopy: '{owner} 的 {cred} 的被盗副本',
  credential: '凭证',
};
