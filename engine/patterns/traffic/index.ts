import { defineProgram } from '../kind';
import { trafficParams } from './params';

/** A traffic source: requests at a constant rate, Poisson, in bursts, at a window's edge, on a ramp or from a list. */
export const trafficKind = defineProgram({
  kind: 'traffic',
  title: 'Traffic source (rate, Poisson, bursts, ramp, list)',
  params: trafficParams,
  needs: ['limiter'],
  log: { group: 'traffic', namespaces: [] },
  load: () => import('./program').then((m) => m.traffic),
});
