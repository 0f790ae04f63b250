import type { Scenario } from './schema';

// What a page needs to know about share links (`#s=<payload>&t=<ms>`) before it decodes one:
// the limits, the hash's syntax and the checks made before anything is decompressed. Kept
// apart from ./share.ts so that reading a limit or spotting a link does not pull in fflate.

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

/** What a share link carries: the scenario and, optionally, where the cursor was. */
export interface SharedRun {
  scenario: Scenario;
  /** Cursor time (virtual ms), when the link pins one. */
  t: number | null;
}

export type DecodeResult = { ok: true; run: SharedRun } | { ok: false; errors: string[] };

/** Parses the `t` parameter: a finite, non-negative number of ms. */
export function parseTime(raw: string | null): { ok: true; t: number | null } | { ok: false; error: string } {
  if (raw === null || raw === '') return { ok: true, t: null };
  if (!/^\d{1,10}(\.\d{1,6})?$/.test(raw)) return { ok: false, error: `t: expected a time in ms (a number >= 0), got "${raw.slice(0, 20)}"` };
  return { ok: true, t: Number(raw) };
}

/**
 * What is wrong with an `s=` payload that can be told without decompressing it (too long,
 * empty, characters base64url never has), or null.
 */
export function payloadProblem(payload: string): string | null {
  if (payload.length > MAX_ENCODED_CHARS) return `the link's scenario is too long (${payload.length} characters; the limit is ${MAX_ENCODED_CHARS})`;
  if (payload === '') return 'the link holds an empty scenario (s=)';
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return 'the link is corrupted: its scenario holds characters a share link never contains';
  return null;
}

/** The `s=` payload of a hash (with or without the leading `#`), or null when it holds none. */
export function sharePayloadOf(hash: string): string | null {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get('s');
}
