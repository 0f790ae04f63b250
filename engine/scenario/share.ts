import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { parseScenario } from './parse';
import { parseUntrustedJson } from './safe-json';
import type { Scenario } from './schema';
import { MAX_DECODED_CHARS, parseTime, payloadProblem, type DecodeResult } from './share-link';

// Share links, encoded and decoded with fflate's DEFLATE. Node (the CLI, tests) and the
// dialogs that are themselves loaded on demand import this directly; the page's first load
// goes through ./share-lazy.ts, which fetches this module (and fflate) only for a link.

export { MAX_DECODED_CHARS, MAX_ENCODED_CHARS, parseTime, type DecodeResult, type SharedRun } from './share-link';

/** Bytes of compressed input fed to the inflater at a time; DEFLATE expands a byte ~1,032x at most. */
const INFLATE_CHUNK = 256;

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

/**
 * Decodes an `s=` payload into a validated scenario. Every failure (too long, not DEFLATE
 * data, not JSON, hostile shape, invalid scenario) comes back as messages naming the problem;
 * never throws.
 */
export function decodeScenario(payload: string): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  const problem = payloadProblem(payload);
  if (problem) return { ok: false, errors: [problem] };
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
