import type { en } from './messages.en';

/** Simplified Chinese messages of `hunt`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  distEach: '每次运行：1 到 {max} 个故障（均匀分布），每个故障的类型从 {kinds} 中均匀抽取',
  distStart: '开始时间：在 [0, {until}) ms 内均匀分布（{horizon} ms 运行的前 80%），步长 {step} ms',
  distDuration: '持续时间（崩溃到重启、暂停、分区到恢复、丢包、延迟）：在 [{min}, {horizon}] ms 内对数均匀分布',
  distTarget: '目标：均匀抽取一个节点（崩溃、暂停、时钟偏移）或一条链路（分区、丢包、延迟）',
  distSkew: '时钟偏移：跳变 ±（[{min}, {horizon}] ms 内对数均匀）；丢包：概率在 [0.1, 1] 内均匀；延迟：增加 [{step}, {half}] ms 内对数均匀的延迟',
  distSeed: '仿真种子：和故障计划一样，由搜寻的种子和运行序号推导',
  faultCrash: '在 {at} ms 让 {node} 崩溃，{ms} ms 后重启',
  faultPause: '在 {at} ms 暂停 {node} {ms} ms',
  faultSkew: '在 {at} ms 把 {node} 的时钟偏移 {delta} ms',
  faultCut: '在 {at} ms 切断 {edge} {ms} ms',
  faultLoss: '从 {at} ms 起 {edge} 丢包 {pct}%，持续 {ms} ms',
  faultDelay: '从 {at} ms 起 {edge} 延迟增加 {extra} ms，持续 {ms} ms',
};
