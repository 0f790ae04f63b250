import type { en } from './messages.en';

/** Simplified Chinese messages of `node.storage`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '写入 {writes} · 拒绝 {rejects}',
  fencingOn: '栅栏令牌已开启',
  noFencing: '无栅栏令牌',
  token: '令牌 {token}',
  value: '值',
  empty: '空',
  by: '由 {name} 写入',
  accepted: ' {n, plural, other {次写入被接受}}',
  refused: ' 次被拒绝',
  open: '进行中：{list}',
  sectionToken: '{section}（令牌 {token}）',
  rejected: '拒绝了 {client} 的 {op}：令牌 {token} 已过期{max, select, none {} other {（< {max}）}}',
};
