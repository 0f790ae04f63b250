/** English messages of `hunt` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  distEach: 'each run: 1 to {max} faults (uniform), each of a kind drawn uniformly from {kinds}',
  distStart: 'start: uniform in [0, {until}) ms (the first 80% of the {horizon} ms run), in steps of {step} ms',
  distDuration: 'duration (crash until restart, pause, partition until heal, loss, delay): log-uniform in [{min}, {horizon}] ms',
  distTarget: 'target: a node drawn uniformly (crash, pause, skew) or a link (partition, loss, delay)',
  distSkew: 'skew: a clock jump of ±(log-uniform in [{min}, {horizon}] ms); loss: probability uniform in [0.1, 1]; delay: +log-uniform in [{step}, {half}] ms of latency',
  distSeed: "simulation seed: derived from the hunt's seed and the run's index, like the schedule",
  faultCrash: 'crash {node} at {at} ms, restart after {ms} ms',
  faultPause: 'pause {node} at {at} ms for {ms} ms',
  faultSkew: "skew {node}'s clock by {delta} ms at {at} ms",
  faultCut: 'cut {edge} at {at} ms for {ms} ms',
  faultLoss: 'lose {pct}% on {edge} from {at} ms for {ms} ms',
  faultDelay: 'delay {edge} by +{extra} ms from {at} ms for {ms} ms',
} as const satisfies Record<string, string>;
