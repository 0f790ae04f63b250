import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { parseScenario } from './parse';
import { parseUntrustedJson } from './safe-json';
import type { Scenario } from './schema';

/**
 * Longest `s=` payload accepted, checked before anything is decompressed. A typical built-in
 * scenario encodes to under 1,000 characters; browsers keep far longer hashes, but a link much
 * longer than this is unwieldy to paste, so bigger scenarios travel as a JSON file instead.
 */
export const MAX_ENCODED_CHARS = 16_000;

/**
 * Longest decompressed JSON accepted from a link (a typical scenario is 2–6 KB). Inflation
 * stops as soon as the output passes it, so a decompression bomb costs at most this much.
 */
export const MAX_DECODED_CHARS = 1_000_000;

/** Bytes of compressed input fed to the inflater at a time; DEFLATE expands a byte ~1,032x at most. */
const INFLATE_CHUNK = 256;

/** What a share link carries: the scenario and, optionally, where the cursor was. */
export interface SharedRun {
  scenario: Scenario;
  /** Cursor time (virtual ms), when the link pins one. */
  t: number | null;
}

export type DecodeResult = { ok: true; run: SharedRun } | { ok: false; errors: string[] };

/** Positions from dragging carry sub-pixel noise; whole pixels read the same and compress better. */
function compact(s: Scenario): Scenario {
  return { ...s, nodes: s.nodes.map((n) => ({ ...n, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } })) };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Inflates raw DEFLATE data, giving up as soon as the output passes `limit` bytes. */
function boundedInflate(data: Uint8Array, limit: number): { ok: true; text: string } | { ok: false; tooLarge: boolean } {
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= limit) parts.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && size <= limit; i += INFLATE_CHUNK) {
      inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    }
  } catch {
    return { ok: false, tooLarge: false };
  }
  if (size > limit) return { ok: false, tooLarge: true };
  if (!done) return { ok: false, tooLarge: false };
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  try {
    return { ok: true, text: strFromU8(all) };
  } catch {
    return { ok: false, tooLarge: false };
  }
}

/**
 * The `s=` payload for a scenario: its JSON, DEFLATE-compressed, in base64url. DEFLATE takes
 * repetitive JSON (many clients with the same program) to about half of what LZ-string does.
 */
export function encodeScenario(s: Scenario): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(compact(s))), { level: 9 }));
}

/** The hash (without `#`) that reproduces a run: `s=<payload>&t=<ms>`. */
export function shareHash(s: Scenario, t: number | null): string {
  const time = t === null || !(t > 0) ? '' : `&t=${Math.round(t * 1000) / 1000}`;
  return `s=${encodeScenario(s)}${time}`;
}

/** Parses the `t` parameter: a finite, non-negative number of ms. */
export function parseTime(raw: string | null): { ok: true; t: number | null } | { ok: false; error: string } {
  if (raw === null || raw === '') return { ok: true, t: null };
  if (!/^\d{1,10}(\.\d{1,6})?$/.test(raw)) return { ok: false, error: `t: expected a time in ms (a number >= 0), got "${raw.slice(0, 20)}"` };
  return { ok: true, t: Number(raw) };
}

/**
 * Decodes an `s=` payload into a validated scenario. Every failure (too long, not LZ data,
 * not JSON, hostile shape, invalid scenario) comes back as messages naming the problem; never
 * throws.
 */
export function decodeScenario(payload: string): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  if (payload.length > MAX_ENCODED_CHARS) return { ok: false, errors: [`the link's scenario is too long (${payload.length} characters; the limit is ${MAX_ENCODED_CHARS})`] };
  if (payload === '') return { ok: false, errors: ['the link holds an empty scenario (s=)'] };
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, errors: ['the link is corrupted: its scenario holds characters a share link never contains'] };
  const bytes = fromBase64Url(payload);
  const inflated = bytes ? boundedInflate(bytes, MAX_DECODED_CHARS) : ({ ok: false, tooLarge: false } as const);
  if (!inflated.ok) {
    return inflated.tooLarge
      ? { ok: false, errors: [`the link's scenario is too large once decompressed (over ${MAX_DECODED_CHARS / 1_000_000} MB); it was refused unread`] }
      : { ok: false, errors: ['the link is truncated or corrupted: its scenario could not be decompressed'] };
  }
  const parsed = parseUntrustedJson(inflated.text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => (e.startsWith('not valid JSON') ? 'the link is truncated or corrupted: its scenario is not valid JSON' : e)) };
  return parseScenario(parsed.value);
}

/**
 * Reads a share hash (`s=…&t=…`, with or without the leading `#`). Returns null when the hash
 * holds no `s` at all (it is not a share link), so callers can try other hash forms.
 */
export function decodeShareHash(hash: string): DecodeResult | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const payload = params.get('s');
  if (payload === null) return null;
  const time = parseTime(params.get('t'));
  const decoded = decodeScenario(payload);
  if (!decoded.ok) return decoded;
  if (!time.ok) return { ok: false, errors: [time.error] };
  return { ok: true, run: { scenario: decoded.scenario, t: time.t === null ? null : Math.min(time.t, decoded.scenario.playback.untilMs) } };
}
