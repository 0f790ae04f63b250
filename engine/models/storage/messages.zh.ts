import type { en } from './messages.en';

/** Simplified Chinese messages of `model.storage`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  enter: '{client} 在 {node} 上进入临界区 {section}{token, select, none {} other {，栅栏令牌为 {token}}}',
  write: '{node} 接受 {client} 的写入“{value}”{token, select, none {} other {（栅栏令牌 {token}）}}{last, select, yes {；临界区 {section} 结束} other {}}',
  leave: '{client} 离开它在 {node} 上的临界区 {section}',
  leaveReason: '{client} 离开它在 {node} 上的临界区 {section}（{reason}）',
  reject: '{node} 拒绝 {client} 的{op, select, enter {进入} other {写入}}：令牌 {token} 小于它见过的最大令牌 {max}（fencing）',
  fence: '{node} 收到 {client} 的令牌 {token}：{fenced}无法再写入',
  fenced: '{client} 的临界区 {section}（令牌 {token}）',
  list: '{first}、{rest}',
};
