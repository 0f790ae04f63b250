import { timerOwner, type TimerOf } from '../../core/timer';

export type DbTimers = { 'lock-wait': { session: string; seq: number }; idle: { session: string; seq: number } };
/** Payloads of the server's timers: a lock wait's timeout, an idle connection's wait_timeout. */
export const DB_TIMERS = timerOwner<DbTimers>('db');
export type DbTimer = TimerOf<DbTimers>;
