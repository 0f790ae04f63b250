import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.saga-service`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: 'Saga 服务（协同式：事件进，本地事务，事件出）',
};
