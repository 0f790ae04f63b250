import type { en } from './messages.en';

/** Simplified Chinese messages of `node.zookeeper`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '{role}{znodes} 个 znode · {sessions} 个会话',
  ephTitle: '临时节点，属于会话 {owner}',
  eph: '临时',
  watches: 'watch',
  role: '{role, select, leading {leading（领导者）} following {following（跟随者）} looking {looking（选举中）} other {{role}}}',
  zxidTitle: '纪元和最后提交的 zxid',
  notServing: '暂停服务',
  quorumSynced: '法定人数 {quorum}/{size}：{synced} 已同步',
  quorumLeader: '法定人数 {quorum}/{size} · 领导者 {leader}',
  quorumNoLeader: '法定人数 {quorum}/{size} · 无领导者',
  pending: '待提交的提案',
  noAck: '尚无 ACK',
  ack: 'ACK {list}',
  noZnodes: '没有 znode',
  znodes: '{label} 的 znode',
  sessions: '会话',
  notConnectedHere: '未连接到本节点',
  noConnection: '无连接',
  ephCount: '{n} 个临时节点',
};
