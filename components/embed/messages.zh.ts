import type { en } from './messages.en';

/** Simplified Chinese messages of `embed`: the same ids and arguments as the English ones. */
export const zh: Record<keyof typeof en, string> = {
  pausedOnViolation: '因违规暂停',
  pressPlay: '按“播放”运行场景，或按“单步”逐个事件前进。',
  pause: '暂停',
  replay: '重播',
  play: '播放',
  playback: '播放控制',
  openInPlayground: '在 Playground 中打开',
  newTab: '（在新标签页打开）',
  loadAndPlay: '加载并播放：{title}',
  runsInBrowser: '在你的浏览器中运行 · 点击之前不加载任何内容',
};
