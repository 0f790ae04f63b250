import { z } from 'zod';
import { PROGRAM_PARAMS } from '../../patterns/params-catalog';
import { must } from '../../core/param-error';

// A client's parameters: which program it runs, and that program's own parameters. Built from
// the program catalog (schemas only), so validating a client loads no program's code.

const programSchemas = Object.values(PROGRAM_PARAMS) as unknown as [z.ZodObject, ...z.ZodObject[]];

export const clientParams = z
  .object({
    program: z.discriminatedUnion('kind', programSchemas, { error: must.programKind(Object.keys(PROGRAM_PARAMS)) }),
  })
  .strict();
export type ClientParams = { program: { kind: string } & Record<string, unknown> };
