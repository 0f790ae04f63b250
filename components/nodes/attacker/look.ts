import { p } from '@/engine/core/phrase';
import type { StatusLook } from '../program-status-card';

/** What the status means from the defender's side: red while it gets in, green once it is turned away. */
export const attackerLook: StatusLook = {
  pill: {
    idle: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    working: 'bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200',
    waiting: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
    holding: 'bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200',
    done: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    failed: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  },
  word: { idle: p('ui.nodes.status_idle'), working: p('ui.node.attacker.gettingIn'), waiting: p('ui.nodes.status_waiting'), holding: p('ui.node.attacker.gettingIn'), done: p('ui.nodes.status_done'), failed: p('ui.node.attacker.blocked') },
};
