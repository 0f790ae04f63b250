import type { Say } from '../../core/phrase';
import { t } from '../say';

/**
 * Messages between lock clients and the protected resource. A critical section is named by a
 * `section` id the client picks ("c1#2": client c1, round 2); the client marks its start
 * (`storage.enter`) and its end (the last `storage.write`, or `storage.leave` when it gives up),
 * so the resource sees, in true time, when each section was open.
 */

/** Client -> storage: a critical section begins (the first access: the read of read-modify-write). */
export interface StorageEnterMsg {
  readonly type: 'storage.enter';
  readonly section: string;
  /** Fencing token, when the lock hands one out. */
  readonly token?: number;
}

/** Client -> storage: the section's write; `last` ends the section with it. */
export interface StorageWriteMsg {
  readonly type: 'storage.write';
  readonly section: string;
  readonly value: string;
  readonly token?: number;
  readonly last?: boolean;
}

/** Client -> storage: the section ends without (another) write, e.g. the client lost its lock. */
export interface StorageLeaveMsg {
  readonly type: 'storage.leave';
  readonly section: string;
  readonly reason?: string;
}

/** Storage -> client: the answer to enter / write / leave. `ok: false` = refused by fencing. */
export interface StorageAckMsg {
  readonly type: 'storage.ack';
  readonly section: string;
  readonly op: 'enter' | 'write' | 'leave';
  readonly ok: boolean;
  /** Why it was refused (the largest token seen). */
  readonly reason?: string;
}

export type StorageMsg = StorageEnterMsg | StorageWriteMsg | StorageLeaveMsg | StorageAckMsg;

/** Words for why a client left its section (plain text on the wire, from the lock patterns). */
export function leaveReason(reason: string): Say {
  return reason === 'lost the lock' ? t('storLostLock') : reason;
}

/** One line for a storage message, for narration and the canvas. */
export function describeStorageMessage(m: StorageMsg): Say {
  switch (m.type) {
    case 'storage.enter':
      return m.token === undefined ? t('storEnter', { section: m.section }) : t('storEnterToken', { section: m.section, token: m.token });
    case 'storage.write':
      return t('storWrite', { value: m.value, section: m.section, token: m.token === undefined ? 'none' : m.token, last: m.last ? 'yes' : 'no' });
    case 'storage.leave':
      return m.reason ? t('storLeaveReason', { section: m.section, reason: leaveReason(m.reason) }) : t('storLeave', { section: m.section });
    case 'storage.ack':
      if (m.ok) return t('storAckOk', { op: m.op, section: m.section });
      return m.reason ? t('storAckRefusedReason', { op: m.op, section: m.section, reason: m.reason }) : t('storAckRefused', { op: m.op, section: m.section });
  }
}
