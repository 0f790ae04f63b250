import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.token-replay`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: '重放被盗令牌的攻击者',
  waitingCred: '等待窃取到的凭证',
  tally: '{accepted} 次被接受 · {refused} 次被拒绝',
  done: '{owner} 的 {cred}：{tally}',
  replaying: '正在重放 {owner} 的 {cred}：{tally}',
  timerTimeout: '没有及时应答',
  timerReplay: '重放窃取到的凭证',
  credential: '凭证',
  accepted: '{node} 重放 {owner} 的 {cred}，{server} 接受了它',
  refused: '{node} 重放 {owner} 的 {cred}：被拒绝（{status}）',
};
