import type { en } from './messages.en';

/** Simplified Chinese messages of `hunt`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  failingRun: '失败的那次运行',
  title: '搜寻：帮我把它弄坏',
  intro: '反复运行这个场景，每次用随机的故障计划代替它自带的故障，所有不变量都在监视。第一次违规会被收缩成仍能触发它的最小故障计划，并作为普通运行打开，停在违规处。',
  runs: '运行次数',
  seed: '种子',
  faults: '故障',
  howDrawn: '故障计划如何抽取',
  cancel: '取消',
  hunt: '开始搜寻',
  huntAgain: '再搜一次',
  stopped: '搜寻已停止：{message}',
  runsDone: '已完成的运行',
  shrinking: '第 {run} 次运行出现违规；正在收缩…',
  progress: '{done}/{runs} 次运行，{workers} 个 Worker',
  cancelled: '已在 {runs} 次运行后取消；Worker 已停止。',
  rate: '{workers} 个 Worker，{s} s',
  broke: '{monitor} 在第 {run} 次运行中被违反（尝试了 {faults} 个故障；{rate}）',
  shrunk: '经过 {tries} 次运行收缩为{n, plural, =0 {没有任何故障：它自己就会出错} other { # 个故障}}：',
  openFailing: '打开失败的运行',
  noViolation: '{runs} 次运行，尝试了 {faults} 个故障，没有违规（{rate}）',
  byKind: '按类型：{kinds}。',
  byKindNone: '按类型：无。',
  byFaults: '按故障数统计的运行：{list}。',
  kind: '{k, select, crash {崩溃} pause {暂停} skew {时钟偏移} partition {分区} loss {丢包} delay {延迟} other {{k}}}',
};
