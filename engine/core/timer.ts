/**
 * Timer payloads name their owner and the timer, then carry the timer's own fields:
 * `{ owner: 'zk-client', timer: 'tick' }`, `{ owner: 'redis-client', timer: 'timeout', id: 7 }`.
 * A node runs several owners' code (a program, the lock helpers, a client library), each of
 * which hands on the payloads that are not its own; the owner keeps them apart, and a
 * `timer.fire` in the trace says whose timer it was.
 */

/** An owner's timers: each timer's name and the fields its payload carries (NoFields for none). */
export type TimerFields = Record<string, Record<string, unknown>>;

/** The fields of a timer that carries none. */
export type NoFields = Record<never, never>;

/** The payload of one of the owner's timers. */
export type TimerOf<M extends TimerFields, T extends keyof M & string = keyof M & string> = {
  [K in T]: { readonly owner: string; readonly timer: K } & Readonly<M[K]>;
}[T];

/** One owner's timers: makes their payloads and recognises them. */
export interface TimerOwner<M extends TimerFields> {
  readonly owner: string;
  /** The payload of timer `timer`, with its fields. */
  make<T extends keyof M & string>(timer: T, ...fields: keyof M[T] extends never ? [] : [M[T]]): TimerOf<M, T>;
  /** `payload` as one of this owner's timers, or null when it is someone else's. */
  match(payload: unknown): TimerOf<M> | null;
}

/** The timers of `owner` (a node type, a program kind, or a library such as `zk-client`). */
export function timerOwner<M extends TimerFields>(owner: string): TimerOwner<M> {
  return {
    owner,
    make: (timer, ...fields) => ({ owner, timer, ...fields[0] }) as never,
    match: (payload) => (typeof payload === 'object' && payload !== null && (payload as { owner?: unknown }).owner === owner ? (payload as TimerOf<M>) : null),
  };
}
