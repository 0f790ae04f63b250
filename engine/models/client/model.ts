import { z } from 'zod';
import type { ModelDef } from '../../core/types';
import { PROGRAMS } from '../../patterns';
import type { ProgramView } from '../../patterns/program';

const programSchemas = Object.values(PROGRAMS).map((p) => p.params) as unknown as [z.ZodObject, ...z.ZodObject[]];

export const clientParams = z
  .object({
    program: z.discriminatedUnion('kind', programSchemas, { error: `expected a program kind: ${Object.keys(PROGRAMS).join(', ')}` }),
  })
  .strict();
export type ClientParams = { program: { kind: string } & Record<string, unknown> };

export interface ClientState {
  kind: string;
  prog: unknown;
}

function program(kind: string) {
  const p = PROGRAMS[kind];
  if (!p) throw new Error(`unknown program kind "${kind}"`);
  return p as unknown as import('../../patterns/program').ProgramDef<unknown, unknown>;
}

/** A client machine running one program. A crash loses the program's state; restart begins anew. */
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
  describeTimer: (payload, params) => program(params.program.kind).describeTimer?.(payload) ?? 'timer fires',
  narrate: (ev, name, params) => program(params.program.kind).narrate?.(ev, name),
};

/** The canvas view of a client's program state. */
export function clientView(s: ClientState): ProgramView {
  return program(s.kind).view(s.prog);
}

/** Node types a client's program must be connected to. */
export function clientNeeds(kind: string): readonly string[] {
  return PROGRAMS[kind]?.needs ?? [];
}
