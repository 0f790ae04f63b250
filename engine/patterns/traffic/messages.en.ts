/** English messages of `pattern.traffic` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  title: 'Traffic source (rate, Poisson, bursts, ramp, list)',
  detail: '{sent} sent: {ok} through{waited}, {refused} refused',
  waited: ' ({n} waited)',
  noLimiter: 'no limiter linked',
  timerNext: 'the next request arrives',
} as const satisfies Record<string, string>;
