import { p } from '@/engine/core/phrase';
import type { ProgramKindId } from '@/engine/patterns/catalog';
import type { FieldTable } from '../panels/inspector/field-labels';

/**
 * Labels of a program's own parameters, by program kind, where splitting the camelCase is not
 * enough: the inspector uses them inside a client's program (a key that is not a program kind
 * is a type error; a label for a field the program does not have fails a unit test). A program
 * needs no entry otherwise: it has no card of its own, it is drawn by its client's.
 */
export const PROGRAM_FIELDS: { readonly [K in ProgramKindId]?: FieldTable } = {
  'zk-script': { ops: { label: p('ui.nodes.field-zk-script-ops') } },
  // Redisson itself never tells the application that its watchdog found the lock gone.
  'redisson-lock': { abortOnLost: { label: p('ui.nodes.field-redisson-lock-abortOnLost') } },
};
