import type { ModelDef } from '../../core/types';
import { p } from '../../core/phrase';
import type { ProgramDef } from '../../core/program';
import { programBehaviour } from '../../registry/registry';
import type { ClientParams } from './params';

export interface ClientState {
  kind: string;
  prog: unknown;
}

/** The loaded behaviour of program `kind`; engine/registry loads it before a run can start. */
export function program(kind: string): ProgramDef<unknown, unknown> {
  const p = programBehaviour(kind);
  if (!p) throw new Error(`program kind "${kind}" is not loaded (engine/registry loads it with the scenario)`);
  return p as unknown as ProgramDef<unknown, unknown>;
}

/**
 * A client machine running one program. A crash loses the program's state, except what the
 * program keeps on disk (its `crash`); restart begins anew from that.
 */
export const clientModel: ModelDef<ClientParams, ClientState> = {
  type: 'client',
  init: (p) => ({ kind: p.program.kind, prog: program(p.program.kind).init(p.program) }),
  start: (s, ctx) => ({ ...s, prog: program(s.kind).start(s.prog, ctx) }),
  onMessage: (s, msg, from, ctx) => {
    const prog = program(s.kind).onMessage(s.prog, msg, from, ctx);
    return prog === s.prog ? s : { ...s, prog };
  },
  onTimer: (s, payload, ctx) => {
    const prog = program(s.kind).onTimer(s.prog, payload, ctx);
    return prog === s.prog ? s : { ...s, prog };
  },
  onClockChange: (s, ctx) => {
    const prog = program(s.kind).onClockChange?.(s.prog, ctx) ?? s.prog;
    return prog === s.prog ? s : { ...s, prog };
  },
  crash: (s, params) => {
    const p = program(params.program.kind);
    return { kind: s.kind, prog: p.crash ? p.crash(s.prog, params.program) : p.init(params.program) };
  },
  describeTimer: (payload, params) => program(params.program.kind).describeTimer?.(payload) ?? p('core.timerFires'),
  narrate: (ev, name, params) => program(params.program.kind).narrate?.(ev, name),
};
