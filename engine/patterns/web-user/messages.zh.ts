import type { en } from './messages.en';

/** Simplified Chinese messages of `pattern.web-user`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  title: 'Web 用户（登录，浏览，登出）',
  kicked: '被踢出 {n} 次 · ',
  user: '用户',
  startsIn: '{user} {ms} ms 后开始',
  loggingIn: '{kicked}{user} 正在登录…',
  refreshing: '{kicked}{user} 正在刷新令牌…',
  browsing: '{kicked}{user} · 第 {page}/{pages} 页{where}',
  loggingOut: '{kicked}{user} 正在退出登录…',
  refused: '被拒绝',
  loggedOutBy: '{user} 被登出：{why}',
  done: '{kicked}{user} 浏览 {n} 页后退出登录',
  timerTimeout: '没有及时应答：请求失败',
  timerNext: '下一页',
  login: '{node} 以 {user} 身份登录{by}{cred}',
  by: '，由 {server} 处理',
  cred: '（{cred}）',
  kickedNarr: '{node} 没有主动登出，却被登出了：{reason}{at}',
  at: '（在 {server}）',
  logout: '{node} 退出登录{cred}',
  error: '{node} 的 {op} 失败：{status} {reason}',
  credential: '凭证',
  leak: '{user} 的 {cred} 被窃取：{to} 现在有了一份副本',
};
