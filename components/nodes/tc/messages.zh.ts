import type { en } from './messages.en';

/** Simplified Chinese messages of `node.tc`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '完成 {succeeded} · 撤销 {failed}',
  mode: '{mode} · {status}',
  retries: ' · 重试 {n} 次',
  calling: '正在调用 {what}',
  waitingRetry: '等待重试',
  branchState: '{key, select, pending {待处理} tried {已 Try} try_failed {Try 失败} unknown {结果未知} confirmed {已确认} cancelled {已取消} done {已完成} failed {失败} compensated {已补偿} other {{state}}}',
  gtxStatus: '{key, select, trying {Try 中} confirming {确认中} cancelling {取消中} acting {执行中} compensating {补偿中} succeeded {成功} failed {失败} other {{status}}}',
};
