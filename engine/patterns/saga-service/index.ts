import { defineProgram } from '../kind';

/** One service of a choreographed saga: reacts to the broker's events with a local transaction and publishes the next event. */
export const sagaServiceKind = defineProgram({
  kind: 'saga-service',
  title: 'Saga service (choreography: events in, local transaction, event out)',
  needs: ['mq', 'db'],
  log: { group: 'broker', namespaces: ['choreo'] },
  load: () => import('./program').then((m) => m.sagaService),
});
