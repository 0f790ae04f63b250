import { describeStorageMessage, leaveReason, type StorageAckMsg, type StorageMsg } from '../../clients/storage/messages';
import { p, type Arg, type Phrase, type Say } from '../../core/phrase';
import type { en } from './messages.en';
import type { Msg } from '../../core/msg';
import type { Ctx, ModelDef } from '../../core/types';
import { type StorageParams } from './params';

/** A phrase of this model's messages. */
const t = (key: keyof typeof en, args?: Readonly<Record<string, Arg>>): Phrase => p(`model.storage.${key}`, args);

declare module '../../core/trace-types' {
  interface TraceEventMap {
    /** A critical section opens at the resource. */
    'storage.enter': { client: string; section: string; token: number | null };
    /** The resource accepts a write; `last` closes the section with it. */
    'storage.write': { client: string; section: string; token: number | null; value: string; last: boolean };
    /** A section closes without a write (the client gave up). */
    'storage.leave': { client: string; section: string; reason: string | null };
    /** Fencing: an enter or write carried a token smaller than the largest seen, and was refused. */
    'storage.reject': { client: string; section: string; op: 'enter' | 'write'; token: number; maxToken: number };
    /** Fencing: a larger token arrived, so open sections with smaller tokens can have no more effect. */
    'storage.fence': { client: string; section: string; token: number; fenced: { section: string; client: string; token: number }[] };
  }
}


/** A critical section the resource has seen open. */
export interface OpenSection {
  client: string;
  token: number | null;
  /** True time is not visible to models; this is the storage's own clock. */
  openedAt: number;
}

/** One accepted or refused access, for the canvas. */
export interface StorageLogEntry {
  at: number;
  client: string;
  section: string;
  op: 'enter' | 'write' | 'leave';
  token: number | null;
  ok: boolean;
}

export interface StorageState {
  fencing: boolean;
  /** Largest fencing token accepted so far. */
  maxToken: number | null;
  open: Record<string, OpenSection>;
  /** The stored value and who wrote it last. */
  value: string | null;
  lastWriter: string | null;
  writes: number;
  rejects: number;
  /** The latest accesses, newest last (at most 8). */
  log: StorageLogEntry[];
}

const LOG_MAX = 8;

function initState(p: StorageParams): StorageState {
  return { fencing: p.fencing ?? false, maxToken: null, open: {}, value: null, lastWriter: null, writes: 0, rejects: 0, log: [] };
}

const logged = (s: StorageState, e: StorageLogEntry): StorageLogEntry[] => [...s.log, e].slice(-LOG_MAX);

function without(open: Record<string, OpenSection>, drop: readonly string[]): Record<string, OpenSection> {
  const out: Record<string, OpenSection> = {};
  for (const k of Object.keys(open)) if (!drop.includes(k)) out[k] = open[k];
  return out;
}

/**
 * The fencing check: null when the token may pass, else the largest token seen. A request
 * without a token cannot be judged and passes (the lock gave none).
 */
function refused(s: StorageState, token: number | undefined): number | null {
  if (!s.fencing || token === undefined || s.maxToken === null) return null;
  return token < s.maxToken ? s.maxToken : null;
}

/** Records a token that passed: a new largest one fences off open sections with smaller ones. */
function admit(s: StorageState, client: string, section: string, token: number | undefined, ctx: Ctx): StorageState {
  if (token === undefined || (s.maxToken !== null && token <= s.maxToken)) return s;
  let open = s.open;
  if (s.fencing) {
    const fenced = Object.keys(open)
      .filter((k) => k !== section && open[k].token !== null && open[k].token! < token)
      .map((k) => ({ section: k, client: open[k].client, token: open[k].token! }));
    if (fenced.length > 0) {
      ctx.trace('storage.fence', { client, section, token, fenced });
      ctx.metric('storage.fenced', fenced.length);
      open = without(open, fenced.map((f) => f.section));
    }
  }
  return { ...s, maxToken: token, open };
}

function ack(ctx: Ctx, section: string, op: StorageAckMsg['op'], ok: boolean, reason?: string): void {
  const m: StorageAckMsg = reason === undefined ? { type: 'storage.ack', section, op, ok } : { type: 'storage.ack', section, op, ok, reason };
  ctx.reply(m);
}

function reject(s: StorageState, client: string, section: string, op: 'enter' | 'write', token: number, max: number, ctx: Ctx): StorageState {
  ctx.trace('storage.reject', { client, section, op, token, maxToken: max });
  ctx.metric('storage.rejects');
  ack(ctx, section, op, false, `token ${token} < ${max}`);
  return { ...s, open: without(s.open, [section]), rejects: s.rejects + 1, log: logged(s, { at: ctx.now, client, section, op, token, ok: false }) };
}

function onMessage(s0: StorageState, m: StorageMsg, from: string, ctx: Ctx): StorageState {
  switch (m.type) {
    case 'storage.enter': {
      const max = refused(s0, m.token);
      if (max !== null) return reject(s0, from, m.section, 'enter', m.token!, max, ctx);
      const s = admit(s0, from, m.section, m.token, ctx);
      const token = m.token ?? null;
      ctx.trace('storage.enter', { client: from, section: m.section, token });
      ack(ctx, m.section, 'enter', true);
      return { ...s, open: { ...s.open, [m.section]: { client: from, token, openedAt: ctx.now } }, log: logged(s, { at: ctx.now, client: from, section: m.section, op: 'enter', token, ok: true }) };
    }
    case 'storage.write': {
      const max = refused(s0, m.token);
      if (max !== null) return reject(s0, from, m.section, 'write', m.token!, max, ctx);
      const s = admit(s0, from, m.section, m.token, ctx);
      const token = m.token ?? null;
      const last = m.last ?? false;
      ctx.trace('storage.write', { client: from, section: m.section, token, value: m.value, last });
      ctx.metric('storage.writes');
      ack(ctx, m.section, 'write', true);
      const open = last ? without(s.open, [m.section]) : m.section in s.open ? s.open : { ...s.open, [m.section]: { client: from, token, openedAt: ctx.now } };
      return { ...s, open, value: m.value, lastWriter: from, writes: s.writes + 1, log: logged(s, { at: ctx.now, client: from, section: m.section, op: 'write', token, ok: true }) };
    }
    case 'storage.leave': {
      ctx.trace('storage.leave', { client: from, section: m.section, reason: m.reason ?? null });
      ack(ctx, m.section, 'leave', true);
      return { ...s0, open: without(s0.open, [m.section]), log: logged(s0, { at: ctx.now, client: from, section: m.section, op: 'leave', token: null, ok: true }) };
    }
    default:
      return s0;
  }
}


/**
 * The resource a lock protects (a file, a database row): it accepts writes inside critical
 * sections and, with `fencing`, refuses any whose token is smaller than the largest it has
 * seen, which is what makes a lease-based lock safe against paused or partitioned holders.
 */
export const storageModel: ModelDef<StorageParams, StorageState> = {
  type: 'storage',
  init: (p) => initState(p),
  onMessage: (s, msg, from, ctx) => onMessage(s, msg as StorageMsg, from, ctx),
  // Stored on disk: the value, the largest token and the open sections survive a crash.
  crash: (s) => s,
  describeMessage: (msg: Msg) => (msg.type.startsWith('storage.') ? describeStorageMessage(msg as StorageMsg) : msg.type),
  narrate(ev, name) {
    switch (ev.type) {
      case 'storage.enter':
        return t('enter', { client: name(ev.client), section: ev.section, node: name(ev.node), token: ev.token ?? 'none' });
      case 'storage.write':
        return t('write', { node: name(ev.node), client: name(ev.client), value: ev.value, token: ev.token ?? 'none', last: ev.last ? 'yes' : 'no', section: ev.section });
      case 'storage.leave':
        return ev.reason
          ? t('leaveReason', { client: name(ev.client), section: ev.section, node: name(ev.node), reason: leaveReason(ev.reason) })
          : t('leave', { client: name(ev.client), section: ev.section, node: name(ev.node) });
      case 'storage.reject':
        return t('reject', { node: name(ev.node), client: name(ev.client), op: ev.op, token: ev.token, max: ev.maxToken });
      case 'storage.fence': {
        const items: Say[] = ev.fenced.map((f) => t('fenced', { client: name(f.client), section: f.section, token: f.token }));
        const fenced = items.length === 0 ? '' : items.reduceRight((rest, first) => t('list', { first, rest }));
        return t('fence', { node: name(ev.node), token: ev.token, client: name(ev.client), fenced });
      }
      default:
        return undefined;
    }
  },
};
