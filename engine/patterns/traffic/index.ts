import { defineProgram } from '../kind';

/** A traffic source: requests at a constant rate, Poisson, in bursts, at a window's edge, on a ramp or from a list. */
export const trafficKind = defineProgram({
  kind: 'traffic',
  title: 'Traffic source (rate, Poisson, bursts, ramp, list)',
  needs: ['limiter'],
  log: { group: 'traffic', namespaces: [] },
  load: () => import('./program').then((m) => m.traffic),
});
