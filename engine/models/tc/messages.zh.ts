import type { en } from './messages.en';

/** Simplified Chinese messages of `model.tc`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  whyAllTried: '所有 Try 都成功了',
  whyTryFailed: '分支 {branch} 的 Try {unknown, select, yes {没有得到应答} other {失败了}}',
  whyActionFailed: '分支 {branch} 的操作失败了',
  connectionBroken: '连接断开',
  noAnswer: '{ms} ms 内没有应答',
  timerRetry: '再次调用该分支',
  timerTimeout: '请求超时',
  timerNext: '开始下一个全局事务',
  branchReq: '{op, select, try {Try} confirm {Confirm} cancel {Cancel} action {正向操作} other {补偿}} {gid}/{branch}',
  begin: '{node} 开始 {mode, select, tcc {TCC} other {Saga}} 全局事务 {gid}：{branches}',
  branch: '{gid}/{branch} 在 {svc} 上执行 {op}：{result, select, ok {完成} failure {被拒绝} error {出错} other {结果未知}}{reason}{retry}',
  reason: '（{reason}）',
  callsAgain: '；{node} 将在 {ms} ms 后再次调用',
  phase: '{gid}：{why}，因此 {node} {phase, select, confirm {确认（Confirm）所有分支} cancel {取消（Cancel）所有已 Try 的分支} other {按相反顺序补偿已执行的步骤}}',
  end: '{gid} {outcome, select, succeeded {已在所有分支上完成} other {已在所有分支上撤销}}',
  recover: '{node} 重启并读取日志：{aborted}{resumed}{nothing, select, yes {没有未完成的事务} other {}}',
  recoverAborts: '中止 {gids}（仍处于 Try 阶段：取消所有分支）',
  recoverResumes: '继续 {gids}',
  branchWhat: '{kind, select, debit {扣款} other {入账}} {account} {amount}',
  comma: '{a}，{b}',
};
