import { configAdmin } from './config-admin';
import { configWatcher } from './config-watcher';
import { payClient } from './pay-client';
import type { ProgramDef } from './program';
import { redisLock } from './redis-lock';
import { redisScript } from './redis-script';
import { redissonLock } from './redisson-lock';
import { tokenReplay } from './token-replay';
import { webUser } from './web-user';
import { zkLock } from './zk-lock';
import { zkScript } from './zk-script';

/** Every client program, by kind. Later pattern issues add theirs here. */
export const PROGRAMS: Readonly<Record<string, ProgramDef<never, unknown>>> = {
  [redisScript.kind]: redisScript as ProgramDef<never, unknown>,
  [zkScript.kind]: zkScript as ProgramDef<never, unknown>,
  [redisLock.kind]: redisLock as ProgramDef<never, unknown>,
  [redissonLock.kind]: redissonLock as ProgramDef<never, unknown>,
  [zkLock.kind]: zkLock as ProgramDef<never, unknown>,
  [configAdmin.kind]: configAdmin as ProgramDef<never, unknown>,
  [configWatcher.kind]: configWatcher as ProgramDef<never, unknown>,
  [payClient.kind]: payClient as ProgramDef<never, unknown>,
  [webUser.kind]: webUser as ProgramDef<never, unknown>,
  [tokenReplay.kind]: tokenReplay as ProgramDef<never, unknown>,
};
