import type { ProgramDef } from './program';
import { redisLock } from './redis-lock';
import { redisScript } from './redis-script';
import { redissonLock } from './redisson-lock';
import { zkLock } from './zk-lock';
import { zkScript } from './zk-script';

/** Every client program, by kind. Later pattern issues add theirs here. */
export const PROGRAMS: Readonly<Record<string, ProgramDef<never, unknown>>> = {
  [redisScript.kind]: redisScript as ProgramDef<never, unknown>,
  [zkScript.kind]: zkScript as ProgramDef<never, unknown>,
  [redisLock.kind]: redisLock as ProgramDef<never, unknown>,
  [redissonLock.kind]: redissonLock as ProgramDef<never, unknown>,
  [zkLock.kind]: zkLock as ProgramDef<never, unknown>,
};
