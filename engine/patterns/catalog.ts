import type { z } from 'zod';
import { configAdminParams } from './config-admin/params';
import { configWatcherParams } from './config-watcher/params';
import { payClientParams } from './pay-client/params';
import type { ProgramDef } from './program';
import { redisLockParams } from './redis-lock/params';
import { redisScriptParams } from './redis-script/params';
import { redissonLockParams } from './redisson-lock/params';
import { tokenReplayParams } from './token-replay/params';
import { webUserParams } from './web-user/params';
import { zkLockParams } from './zk-lock/params';
import { zkScriptParams } from './zk-script/params';

/**
 * What is known about a client program before its code is loaded: enough to validate a
 * scenario, build the inspector's form and warn about a missing link. `load` fetches the
 * behaviour (handlers); engine/registry calls it the first time a scenario runs the program.
 */
export interface ProgramKind {
  readonly kind: string;
  readonly title: string;
  /** The program's parameters, `kind` included (a member of the client's discriminated union). */
  readonly params: z.ZodObject;
  /** Node types it talks to, so the canvas can warn when one is not connected. */
  readonly needs: readonly string[];
  load(): Promise<ProgramDef<never, unknown>>;
}

type Behaviour = Promise<ProgramDef<never, unknown>>;

/**
 * Every client program, by kind. A new program is a folder (params.ts, program.ts) and an
 * entry here; `import()` keeps each program's code in its own chunk.
 */
export const PROGRAM_KINDS: Readonly<Record<string, ProgramKind>> = {
  'redis-script': {
    kind: 'redis-script',
    title: 'Redis command script',
    params: redisScriptParams,
    needs: ['redis'],
    load: (): Behaviour => import('./redis-script/program').then((m) => m.redisScript as ProgramDef<never, unknown>),
  },
  'zk-script': {
    kind: 'zk-script',
    title: 'ZooKeeper command script',
    params: zkScriptParams,
    needs: ['zookeeper'],
    load: (): Behaviour => import('./zk-script/program').then((m) => m.zkScript as ProgramDef<never, unknown>),
  },
  'redis-lock': {
    kind: 'redis-lock',
    title: 'Redis lock (SET NX PX, polling)',
    params: redisLockParams,
    needs: ['redis'],
    load: (): Behaviour => import('./redis-lock/program').then((m) => m.redisLock as ProgramDef<never, unknown>),
  },
  'redisson-lock': {
    kind: 'redisson-lock',
    title: 'Redisson lock (watchdog, pub/sub)',
    params: redissonLockParams,
    needs: ['redis'],
    load: (): Behaviour => import('./redisson-lock/program').then((m) => m.redissonLock as ProgramDef<never, unknown>),
  },
  'zk-lock': {
    kind: 'zk-lock',
    title: 'ZooKeeper lock (Curator InterProcessMutex)',
    params: zkLockParams,
    needs: ['zookeeper'],
    load: (): Behaviour => import('./zk-lock/program').then((m) => m.zkLock as ProgramDef<never, unknown>),
  },
  'config-admin': {
    kind: 'config-admin',
    title: 'Config admin (sets a znode at fixed times)',
    params: configAdminParams,
    needs: ['zookeeper'],
    load: (): Behaviour => import('./config-admin/program').then((m) => m.configAdmin as ProgramDef<never, unknown>),
  },
  'config-watcher': {
    kind: 'config-watcher',
    title: 'Config watcher (one-shot or persistent watch)',
    params: configWatcherParams,
    needs: ['zookeeper'],
    load: (): Behaviour => import('./config-watcher/program').then((m) => m.configWatcher as ProgramDef<never, unknown>),
  },
  'pay-client': {
    kind: 'pay-client',
    title: 'Payment client (retries after a timeout)',
    params: payClientParams,
    needs: ['payments'],
    load: (): Behaviour => import('./pay-client/program').then((m) => m.payClient as ProgramDef<never, unknown>),
  },
  'web-user': {
    kind: 'web-user',
    title: 'Web user (log in, browse, log out)',
    params: webUserParams,
    needs: ['lb'],
    load: (): Behaviour => import('./web-user/program').then((m) => m.webUser as ProgramDef<never, unknown>),
  },
  'token-replay': {
    kind: 'token-replay',
    title: 'Attacker replaying a stolen token',
    params: tokenReplayParams,
    needs: ['lb'],
    load: (): Behaviour => import('./token-replay/program').then((m) => m.tokenReplay as ProgramDef<never, unknown>),
  },
};

/** Node types a program of `kind` must be connected to (none for an unknown kind). */
export function programNeeds(kind: string): readonly string[] {
  return Object.hasOwn(PROGRAM_KINDS, kind) ? PROGRAM_KINDS[kind].needs : [];
}
