import type { ProgramDef } from './program';
import { redisScript } from './redis-script';
import { zkScript } from './zk-script';

/** Every client program, by kind. Later pattern issues add theirs here. */
export const PROGRAMS: Readonly<Record<string, ProgramDef<never, unknown>>> = {
  [redisScript.kind]: redisScript as ProgramDef<never, unknown>,
  [zkScript.kind]: zkScript as ProgramDef<never, unknown>,
};
