import type { en } from './messages.en';

/** Simplified Chinese messages of `node.xa-tm`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  recovering: '恢复中',
  inFlight: '{gtrid} 进行中',
  summary: '已提交 {committed} · 已回滚 {rolledBack}',
  twoPhase: '两阶段提交',
  noTwoPhase: '无两阶段提交：各分支各自提交',
  recoveringLine: '恢复中：对每个数据库执行 XA RECOVER',
  moves: '{gtrid}：转账 {amount}',
  log: '日志',
  telling: '（正在通知各分支）',
};
