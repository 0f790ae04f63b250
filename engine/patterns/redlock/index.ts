import { defineProgram } from '../kind';

/** Redlock: one lock over N independent Redis masters, held while a majority grants it. */
export const redlockKind = defineProgram({
  kind: 'redlock',
  title: 'Redlock (majority of N Redis masters)',
  needs: ['redis'],
  log: { group: 'lock', namespaces: ['lock', 'redlock'] },
  load: () => import('./program').then((m) => m.redlock),
});
