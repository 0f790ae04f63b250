import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.xa-operator`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '手工处理未决 XA 分支的运维人员（启发式决策）',
  notInDoubt: '{xid} 不处于未决状态',
  byHand: '已手工{decision, select, commit {提交} other {回滚}} {xid}',
  will: '若 {xid} 处于未决状态，将手工执行 {decision}',
  timer: '运维人员查找未决（in-doubt）分支',
  recover: '{node} 在 {db} 上执行 XA RECOVER：{found}',
  inDoubt: '{xids} 处于未决状态，相关行被锁住',
  nothing: '没有未决分支',
  heuristic: "{node} 绕过协调者，在 {db} 上手工执行 XA {cmd} ''{xid}''：这是启发式（heuristic）{decision}（协调者可能做出相反的决定）",
  heuristicFails: "{node} 在 {db} 上执行的 XA {cmd} ''{xid}'' 失败：{result}",
};
