import { z } from 'zod';
import { must } from '../core/param-error';

// The parameters every lock program shares, apart from the section logic (lock-common.ts):
// the program catalog validates scenarios with them before any lock program is loaded.

const ms = (max: number) => z.number({ error: must.numberOf('ms') }).min(0, { error: must.numberFrom(0, max) }).max(max, { error: must.numberFrom(0, max) });

/** Parameters every lock program has (spread into each program's zod object). */
export const lockCommonShape = {
  /** The protected resource (a storage node); without one the work happens only in the client. */
  storage: z.string().min(1, { error: must.id() }).optional(),
  /** How long the work inside the critical section takes (ms). */
  holdMs: ms(600_000).default(1000),
  /** How many times the client takes the lock, does its work and lets go. */
  rounds: z.number().int({ error: must.wholeNumber() }).min(1, { error: must.between(1, 1000, 'rounds') }).max(1000, { error: must.between(1, 1000, 'rounds') }).default(1),
  /** Wait before the first attempt (ms), to stagger clients. */
  startDelayMs: ms(3_600_000).default(0),
  /** Pause between releasing and the next round (ms). */
  thinkMs: ms(600_000).default(300),
  /** When the client learns it lost the lock mid-section, it stops writing and leaves. */
  abortOnLost: z.boolean().default(true),
};

export interface LockCommonParams {
  storage?: string;
  holdMs: number;
  rounds: number;
  startDelayMs: number;
  thinkMs: number;
  abortOnLost: boolean;
}
