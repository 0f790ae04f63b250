import type { en } from './messages.en';

/** Simplified Chinese messages of `node.client`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  warnMissing: '请连接一个 {what} 节点：这个客户端的程序要与它通信。',
  warnMissingAnd: '{a} 和一个 {b}',
  warnNotLinked: '它的程序要与“{target}”通信，但没有与它连接。',
  warnNotOnCanvas: '它的程序要与“{target}”通信，但画布上没有这个节点。',
};
