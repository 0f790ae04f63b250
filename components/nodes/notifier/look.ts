import { p } from '@/engine/core/phrase';
import type { StatusLook } from '../program-status-card';

/** What the status means for the notifications: red once it gave up on one. */
export const notifierLook: StatusLook = {
  pill: {
    idle: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    working: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
    waiting: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
    holding: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
    done: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
    failed: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
  },
  word: { idle: p('ui.nodes.status_idle'), working: p('ui.node.notifier.notifying'), waiting: p('ui.nodes.status_waiting'), holding: p('ui.node.notifier.notifying'), done: p('ui.node.notifier.allNotified'), failed: p('ui.node.notifier.gaveUp') },
};
