import { byKey } from '../core/manifest';
import { configAdminKind } from './config-admin';
import { configWatcherKind } from './config-watcher';
import type { ProgramManifest } from './kind';
import { inboxConsumerKind } from './inbox-consumer';
import { mqConsumerKind } from './mq-consumer';
import { notifierKind } from './notifier';
import { notifyReceiverKind } from './notify-receiver';
import { outboxOrderKind } from './outbox-order';
import { outboxRelayKind } from './outbox-relay';
import { payClientKind } from './pay-client';
import { redisLockKind } from './redis-lock';
import { redisScriptKind } from './redis-script';
import { redlockKind } from './redlock';
import { redissonLockKind } from './redisson-lock';
import { tokenReplayKind } from './token-replay';
import { txProducerKind } from './tx-producer';
import { sagaServiceKind } from './saga-service';
import { trafficKind } from './traffic';
import { xaOperatorKind } from './xa-operator';
import { webUserKind } from './web-user';
import { zkLockKind } from './zk-lock';
import { zkScriptKind } from './zk-script';

/**
 * Every client program: one manifest per program (./<kind>/index.ts). A new program is a folder
 * and an entry here, and an entry in components/programs.ts; `import()` keeps each program's code
 * in its own chunk.
 */
export const PROGRAM_MANIFESTS = [
  redisScriptKind,
  zkScriptKind,
  redisLockKind,
  redissonLockKind,
  redlockKind,
  zkLockKind,
  configAdminKind,
  configWatcherKind,
  payClientKind,
  webUserKind,
  tokenReplayKind,
  trafficKind,
  txProducerKind,
  mqConsumerKind,
  notifierKind,
  notifyReceiverKind,
  outboxOrderKind,
  outboxRelayKind,
  inboxConsumerKind,
  xaOperatorKind,
  sagaServiceKind,
] as const;

/** Every program kind. */
export type ProgramKindId = (typeof PROGRAM_MANIFESTS)[number]['kind'];

/** A program's manifest, whatever its kind. */
export type ProgramKind = ProgramManifest<ProgramKindId>;

/** Every client program, by kind. */
export const PROGRAM_KINDS: Readonly<Record<string, ProgramKind>> = byKey(PROGRAM_MANIFESTS.map((p) => [p.kind, p]));

/** Node types a program of `kind` must be connected to (none for an unknown kind). */
export function programNeeds(kind: string): readonly string[] {
  return Object.hasOwn(PROGRAM_KINDS, kind) ? PROGRAM_KINDS[kind].needs : [];
}
