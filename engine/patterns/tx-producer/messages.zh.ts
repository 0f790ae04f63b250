import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.tx-producer`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '事务消息生产者（半消息，本地事务，回查）',
};
