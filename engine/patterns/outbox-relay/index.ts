import { defineProgram } from '../kind';

/** Polls an outbox table, publishes each new row to the broker, then marks it sent (at least once). */
export const outboxRelayKind = defineProgram({
  kind: 'outbox-relay',
  title: 'Outbox relay (polls the outbox, publishes, marks sent)',
  needs: ['db', 'mq'],
  log: { group: 'broker', namespaces: ['outbox'] },
  load: () => import('./program').then((m) => m.outboxRelay),
});
