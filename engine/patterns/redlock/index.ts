import { defineProgram } from '../kind';
import { redlockParams } from './params';

/** Redlock: one lock over N independent Redis masters, held while a majority grants it. */
export const redlockKind = defineProgram({
  kind: 'redlock',
  title: 'Redlock (majority of N Redis masters)',
  params: redlockParams,
  needs: ['redis'],
  log: { group: 'lock', namespaces: ['lock', 'redlock'] },
  load: () => import('./program').then((m) => m.redlock),
});
