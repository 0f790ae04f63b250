import type { en } from './messages.en';

/** Simplified Chinese messages of `node.tcc-svc`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  barrierOn: '屏障已开启',
  noBarrier: '无屏障',
  on: '使用 {db} · {barrier}',
  cancelGuard: '无屏障；Cancel 由冻结金额把关',
  working: '处理中：{list}',
};
