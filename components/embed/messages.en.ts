/** English messages of `embed` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  pausedOnViolation: 'paused on violation',
  pressPlay: 'Press Play to run the scenario, or Step to go one event at a time.',
  pause: 'Pause',
  replay: 'Replay',
  play: 'Play',
  playback: 'Playback',
  openInPlayground: 'Open in playground',
  newTab: '(opens in a new tab)',
  loadAndPlay: 'Load and play: {title}',
  runsInBrowser: 'Runs in your browser · nothing loads until you click',
} as const satisfies Record<string, string>;
