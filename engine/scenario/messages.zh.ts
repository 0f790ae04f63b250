import type { en } from './messages.en';

/** Simplified Chinese messages of `scenario`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  // Gallery topics (library/types.ts TOPICS): `topic-<topic>`.
  'topic-basics': '基础',
  'topic-watch': '监听（Watch）',
  'topic-locks': '分布式锁',
  'topic-transactions': '分布式事务',
  'topic-sessions': '会话',
  'topic-idempotency': '幂等',
  'topic-rate-limiting': '限流',
};
