import { defineProgram } from '../kind';

/** An operator who lists in-doubt XA branches and commits or rolls one back by hand (a heuristic decision). */
export const xaOperatorKind = defineProgram({
  kind: 'xa-operator',
  title: 'Operator resolving an in-doubt XA branch by hand (heuristic decision)',
  needs: ['db'],
  log: { group: 'db', namespaces: ['dba'] },
  load: () => import('./program').then((m) => m.xaOperator),
});
