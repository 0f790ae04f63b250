import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.outbox-relay`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '本地消息表中继（轮询本地消息表，发布，标记为 sent）',
  tally: '已发布 {published} 条 · 已标记为 sent {sent} 条',
  polling: '正在轮询本地消息表 · {tally}',
  publishing: '正在发布',
  acked: '已发布，尚未标记为 sent',
  marking: '正在标记为 sent',
  working: '{id}（{order}）：{what} · {tally}',
  timerMark: '把已发布的行标记为 sent',
  timerPoll: '轮询本地消息表中的新行',
  poll: '{node} 轮询本地消息表：{pending} 仍标记为 new',
  publish: '{node} 把 {outboxId}（{order}）发布到 {topic}；在 broker 收到之前，这一行保持 new',
  ackedNarr: 'broker 已收到 {outboxId}（{order}），消息 ID 为 {msgId}；{node} 还没把这一行标记为 sent：此时崩溃会导致它被再次发布',
  sent: '{node} 把 {outboxId}（{order}）标记为 sent：下次轮询会跳过它',
};
