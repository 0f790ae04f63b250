import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.config-watcher`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '配置监听者（一次性或持久 watch）',
  noConfig: '还没有配置',
  has: '当前值 {value}',
  detail: '{has} · {n} 个事件{rearming}',
  rearming: ' · 正在重新注册 watch',
  reconnecting: '{detail} · 正在重连',
  connecting: '正在连接',
  notSubscribed: '尚未订阅',
  timerBegin: '订阅配置',
  subOneShot: '{node} 读取 {path}，同时注册一次性 watch',
  subPersistent: '{node} 在 {path} 上添加持久 watch，然后读取它',
  notify: '{node} 收到通知 {event} {path}——事件不携带数据，所以它再读一次',
  read: '{node} 读取 {path}：“{value}”（版本 {version}）{rearm}',
  readRearm: '，并重新注册一次性 watch',
};
