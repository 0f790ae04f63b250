import type { en } from './messages.en';

/** Simplified Chinese messages of `node.lb`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  summary: '{up}/{total} 在线',
  sticky: '会话保持（cookie）',
  roundRobin: '轮询',
  inFlight: '处理中 {n}',
  noBackends: '没有后端：请连接应用服务',
  backends: '{label} 的后端',
  up: '在线',
  down: '下线',
  missed: '{n} 次未响应',
  req: '{n} 个请求',
};
