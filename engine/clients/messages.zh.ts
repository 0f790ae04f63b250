import type { en } from './messages.en';

/** Simplified Chinese messages of `clients`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  zkConnected: '已连接',
  zkClosedByApp: '被应用程序关闭',
  zkServerExpired: '服务器告知会话已过期',
  zkSessionClosed: '会话已关闭',
  zkSuspendedTimeout: '挂起状态持续了整个会话超时时间',
  zkNothingHeard: '已有 {ms} ms 没有收到任何消息',
  zkConnectTimedOut: '连接尝试超时',
  zkPacketLen: '数据包长度 {bytes} 超出范围（jute.maxbuffer {max}）',
  zkServerClosed: '服务器关闭了连接（{reason}）',
  zkWhySessionExpired: '会话已过期',
  zkWhyStale: '过时的连接',
  zkWhyNotServing: '这台服务器不提供服务：它没有获得法定人数支持的 Leader',
  zkWhyBehind: '服务器数据落后（客户端已看到 {zxid}）',
  zkClientState: '{node} 的 ZooKeeper 客户端：{keeper}：{reason}',
  zkClientStateCurator: '{node} 的 ZooKeeper 客户端：{keeper} [{curator}]：{reason}',
  zkClientEvent: '{node} 收到 Watch 事件 {event} {path}',
  zkClientTimer: 'ZooKeeper 客户端检查（ping / 超时）',
  zkMsgConnectNew: '连接：新会话，超时时间 {ms} ms',
  zkMsgReconnect: '重连会话 {session}',
  zkMsgSession: '会话 {session}（超时时间 {ms} ms）',
  zkMsgSessionExpired: '会话 {session} 已过期',
  zkMsgWatch: 'Watch：{type} {path}',
  zkMsgFin: '关闭连接',
  zkMsgClosed: '连接已关闭：{reason}',
};
