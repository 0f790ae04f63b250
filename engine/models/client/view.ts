import type { ProgramView } from '../../core/program';
import { program, type ClientState } from './model';

/** What the canvas shows of a client: its program's own view of its state. */
export function clientView(s: ClientState): ProgramView {
  return program(s.kind).view(s.prog);
}
