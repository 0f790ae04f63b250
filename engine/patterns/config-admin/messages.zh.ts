import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.config-admin`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '配置管理员（定时设置一个 znode）',
  existing: '已有的值',
  detail: '{last} · 已完成 {applied}/{total} 次变更',
  set: '已设为 {value}',
  creating: '正在创建',
  timerChange: '该做下一次配置变更了',
  change: '{node} 已把 {path} 设为“{value}”（版本 {version}）',
};
