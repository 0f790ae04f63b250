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

/** One line for a storage message, for narration and the canvas. */
export function describeStorageMessage(m: StorageMsg): string {
  const tok = (t: number | undefined) => (t === undefined ? '' : ` (token ${t})`);
  switch (m.type) {
    case 'storage.enter':
      return `enter section ${m.section}${tok(m.token)}`;
    case 'storage.write':
      return `write "${m.value}" for ${m.section}${tok(m.token)}${m.last ? ', end of section' : ''}`;
    case 'storage.leave':
      return `leave section ${m.section}${m.reason ? ` (${m.reason})` : ''}`;
    case 'storage.ack':
      return m.ok ? `${m.op} ${m.section}: ok` : `${m.op} ${m.section}: refused${m.reason ? ` (${m.reason})` : ''}`;
  }
}
