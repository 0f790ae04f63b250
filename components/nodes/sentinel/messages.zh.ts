import type { en } from './messages.en';

/** Simplified Chinese messages of `node.sentinel`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '{state} {monitored} · {master} → {primary} · 纪元 {epoch}',
  fo_none: '无故障转移',
  fo_waitStart: '故障转移：选举领头 Sentinel',
  fo_selectSlave: '故障转移：挑选副本',
  fo_promoting: '故障转移：提升中',
  fo_waitPromotion: '故障转移：等待提升完成',
  fo_reconf: '故障转移：让副本跟随新主节点',
  fo_update: '故障转移：切换主节点',
  stateTitle: '它对所监控主节点的判断',
  monitoredTitle: '它监控的主节点',
  primaryTitle: '它对 get-master-addr-by-name 的应答',
  epochTitle: '当前纪元、它投出的票和配置纪元',
  epoch: '纪元 {epoch} · 投票 {vote} · 配置 {config}',
  quorum: '法定人数 {quorum}/{sentinels}',
  replicas: ' · 副本 {list}',
  replicaDown: '{name}（下线）',
  tilt: 'TILT',
};
