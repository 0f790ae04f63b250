import type { Say } from '@/engine/core/phrase';
import { z } from 'zod';
import { formatIssues, issueMessage } from '@/engine/scenario/errors';
import { checkShape, type JsonLimits } from '@/engine/scenario/safe-json';
import { MAX_ENCODED_CHARS } from '@/engine/scenario/share-link';
import type { PlaybackState } from './playback-store';
import type { TimelineSummary, Violation } from './timeline';

/** The version of the postMessage protocol this player speaks; every message carries it as `v`. */
export const PROTOCOL_VERSION = 1;

/** The prefix of every message type of the protocol; other messages on the window are not ours. */
export const PREFIX = 'dp:';

/** At most this many `dp:time` messages a second. */
export const TIME_EVENTS_PER_SECOND = 10;

/**
 * Limits for a message from the host: a scenario is a few KB, so these are generous, yet a
 * hostile page cannot make the player walk a huge or deeply nested value.
 */
export const MESSAGE_LIMITS: JsonLimits = { maxChars: 1_000_000, maxDepth: 26, maxValues: 200_000 };

const requestId = z.union([z.string().max(64), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]);
const base = { v: z.literal(PROTOCOL_VERSION), id: requestId.optional() };
const time = z.number().min(0).max(1e10);

/** Messages a host page may send, one schema each (unknown fields are refused: a typo is an error, not a no-op). */
export const hostMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('dp:hello'), ...base }),
  z.strictObject({
    type: z.literal('dp:load'),
    ...base,
    /** A scenario object (validated like an imported file). */
    scenario: z.unknown().optional(),
    /** A share link or its hash: `https://…/#s=…&t=…`, `#s=…` or `s=…`. */
    share: z.string().max(MAX_ENCODED_CHARS + 2_000).optional(),
    /** The id of a built-in scenario. */
    builtin: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'expected the id of a built-in scenario, such as "zk-lock"' }).optional(),
    /** Where the cursor starts (virtual ms). */
    t: time.optional(),
  }),
  z.strictObject({ type: z.literal('dp:play'), ...base }),
  z.strictObject({ type: z.literal('dp:pause'), ...base }),
  z.strictObject({ type: z.literal('dp:seek'), ...base, t: time }),
  z.strictObject({ type: z.literal('dp:getState'), ...base }),
]);

export type HostMessage = z.infer<typeof hostMessage>;
export type RequestId = z.infer<typeof requestId>;
export type HostMessageType = HostMessage['type'];
export const HOST_MESSAGE_TYPES: readonly HostMessageType[] = ['dp:hello', 'dp:load', 'dp:play', 'dp:pause', 'dp:seek', 'dp:getState'];

/** What a message from the window turned out to be. */
export type Received =
  /** Not a protocol message (another script's traffic): ignored without a reply. */
  | { kind: 'ignore' }
  | { kind: 'ok'; msg: HostMessage }
  /** A protocol message that is wrong: the player replies `dp:error` and changes nothing. */
  | { kind: 'error'; error: string; id?: RequestId; request?: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a message's data: ours or not (a `type` starting with `dp:`), hostile shape, protocol
 * version, then the schema of its type. Never throws.
 */
export function readHostMessage(data: unknown): Received {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return { kind: 'ignore' };
  const request = data.type.slice(0, 40);
  const idCheck = requestId.safeParse(data.id);
  const id = idCheck.success ? idCheck.data : undefined;
  const fail = (error: string): Received => ({ kind: 'error', error, request, ...(id !== undefined ? { id } : {}) });
  const hostile = checkShape(data, MESSAGE_LIMITS);
  if (hostile) return fail(hostile);
  if (data.v !== PROTOCOL_VERSION) {
    const got = typeof data.v === 'number' || typeof data.v === 'string' ? JSON.stringify(data.v).slice(0, 20) : 'nothing';
    return fail(`v: this player speaks version ${PROTOCOL_VERSION} of the protocol, got ${got}`);
  }
  if (!(HOST_MESSAGE_TYPES as readonly string[]).includes(data.type)) {
    return fail(`type: unknown message "${request}" (known: ${HOST_MESSAGE_TYPES.join(', ')})`);
  }
  const parsed = hostMessage.safeParse(data, { error: issueMessage });
  if (!parsed.success) return fail(formatIssues(parsed.error.issues, 3).join('; '));
  const msg = parsed.data;
  if (msg.type === 'dp:load') {
    const sources = [msg.scenario !== undefined, msg.share !== undefined, msg.builtin !== undefined].filter(Boolean).length;
    if (sources !== 1) return fail('dp:load needs exactly one of "scenario" (an object), "share" (a share link) or "builtin" (an id)');
  }
  return { kind: 'ok', msg };
}

/** The share hash in whatever a host passed: a whole link, `#s=…` or `s=…`. */
export function shareHashOf(text: string): string {
  const at = text.indexOf('#');
  return at >= 0 ? text.slice(at + 1) : text;
}

/** What the player reports about itself in `dp:ready` and `dp:state`. */
export interface PlayerInfo {
  /** False while a click-to-load poster is shown (the engine has not started). */
  loaded: boolean;
  playing: boolean;
  /** Cursor time (virtual ms). */
  time: number;
  /** Where the run ends (virtual ms). */
  untilMs: number;
  finished: boolean;
  speed: number;
  scenario: { id: string | null; title: string };
}

/** Messages the player sends to its host. */
export type PlayerMessage =
  | { type: 'dp:ready'; v: 1; id?: RequestId; state: PlayerInfo }
  | ({ type: 'dp:state'; v: 1; id?: RequestId } & PlayerInfo)
  | { type: 'dp:time'; v: 1; t: number }
  | { type: 'dp:violation'; v: 1; invariant: string; sentence: string; t: number; nodes: string[] }
  | { type: 'dp:error'; v: 1; id?: RequestId; request?: string; error: string };

const info = z.strictObject({
  loaded: z.boolean(),
  playing: z.boolean(),
  time: z.number(),
  untilMs: z.number(),
  finished: z.boolean(),
  speed: z.number(),
  scenario: z.strictObject({ id: z.string().nullable(), title: z.string() }),
});
const out = { v: z.literal(PROTOCOL_VERSION) };

/** Schemas of the player's messages: what a host can rely on (the tests check every message against them). */
export const playerMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('dp:ready'), ...out, id: requestId.optional(), state: info }),
  z.strictObject({ type: z.literal('dp:state'), ...out, id: requestId.optional(), ...info.shape }),
  z.strictObject({ type: z.literal('dp:time'), ...out, t: z.number() }),
  z.strictObject({ type: z.literal('dp:violation'), ...out, invariant: z.string(), sentence: z.string(), t: z.number(), nodes: z.array(z.string()) }),
  z.strictObject({ type: z.literal('dp:error'), ...out, id: requestId.optional(), request: z.string().optional(), error: z.string() }),
]);

const withId = <T extends object>(m: T, id: RequestId | undefined): T => (id === undefined ? m : { ...m, id });

/** Times go out rounded to a microsecond: the engine's doubles carry noise no host needs. */
const round = (t: number) => Math.round(t * 1000) / 1000;

/** The player's state, as the protocol reports it. */
export function playerInfo(s: Pick<PlaybackState, 'playing' | 'time' | 'untilMs' | 'finished' | 'speed' | 'scenario' | 'entry'>): PlayerInfo {
  return {
    loaded: true,
    playing: s.playing,
    time: round(s.time),
    untilMs: s.untilMs,
    finished: s.finished,
    speed: s.speed,
    scenario: { id: s.entry?.id ?? null, title: s.entry?.title ?? s.scenario.title },
  };
}

export const readyMessage = (state: PlayerInfo, id?: RequestId): PlayerMessage => withId({ type: 'dp:ready', v: PROTOCOL_VERSION, state }, id);
export const stateMessage = (state: PlayerInfo, id?: RequestId): PlayerMessage => withId({ type: 'dp:state', v: PROTOCOL_VERSION, ...state }, id);
export const timeMessage = (t: number): PlayerMessage => ({ type: 'dp:time', v: PROTOCOL_VERSION, t: round(t) });
/** The event a violation posts; `say` renders its sentence in the player's language. */
export const violationMessage = (v: Violation, say: (x: Say) => string): PlayerMessage => ({ type: 'dp:violation', v: PROTOCOL_VERSION, invariant: v.monitor, sentence: say(v.message), t: round(v.t), nodes: [...v.nodes] });
export function errorMessage(error: string, id?: RequestId, request?: string): PlayerMessage {
  return withId({ type: 'dp:error', v: PROTOCOL_VERSION, error, ...(request ? { request } : {}) }, id);
}

/** Whether the fields a host watches (not the time alone) differ: such a change is a `dp:state` event. */
export function stateChanged(a: PlayerInfo, b: PlayerInfo): boolean {
  return a.loaded !== b.loaded || a.playing !== b.playing || a.finished !== b.finished || a.speed !== b.speed || a.untilMs !== b.untilMs || a.scenario.id !== b.scenario.id || a.scenario.title !== b.scenario.title;
}

/**
 * Violations the cursor passed moving from `fromSteps` to `toSteps` engine events (a violation
 * at step k is passed once more than k events ran). Moving back passes none.
 */
export function crossedViolations(timeline: TimelineSummary, fromSteps: number, toSteps: number): Violation[] {
  if (toSteps <= fromSteps) return [];
  return timeline.violations.filter((v) => v.step >= fromSteps && v.step < toSteps);
}

/** Decides when a throttled event may go: at most one per `gapMs`, the latest value kept for a trailing send. */
export function createThrottle(gapMs: number) {
  let last = -Infinity;
  return {
    /** Milliseconds to wait before sending at `now` (0: send now). */
    wait(now: number): number {
      return Math.max(0, last + gapMs - now);
    },
    sent(now: number): void {
      last = now;
    },
  };
}

/**
 * Which host origins the player talks to. With an allowlist, only those; without one, the
 * origin of the first valid message from the parent window, and from then on only it. The
 * player never posts to `*`: until it knows an origin it says nothing.
 */
export interface OriginGate {
  /** Whether a message from the parent window at `origin` may be read at all. */
  admits(origin: string): boolean;
  /** A valid message came from `origin`: replies and events go there from now on. */
  learn(origin: string): void;
  /** Where events go, or null while no host origin is known. */
  target(): string | null;
}

/** `http(s)://host[:port]`: an origin a reply can be addressed to (a sandboxed page's "null" cannot). */
const isWebOrigin = (o: string) => /^https?:\/\/[^/\s]+$/.test(o);

/**
 * The gate for an allowlist (possibly empty). `parentOrigin` is the embedding page's origin
 * when the browser tells it up front (`location.ancestorOrigins`): with an allowlist that holds
 * it, the player can announce itself before the host says hello.
 */
export function createOriginGate(allow: readonly string[], parentOrigin: string | null = null): OriginGate {
  let known: string | null = allow.length > 0 && parentOrigin !== null && allow.includes(parentOrigin) ? parentOrigin : null;
  const admits = (origin: string) => isWebOrigin(origin) && (allow.length > 0 ? allow.includes(origin) : known === null || origin === known);
  return {
    admits,
    learn(origin) {
      if (admits(origin)) known = origin;
    },
    target: () => known,
  };
}
