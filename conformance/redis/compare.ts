import type { RedisReply } from '../../engine/clients/redis/protocol';
import type { ModelServer } from './model-side';
import type { Alt, Expect } from './script';

/** Round-trip times (ms) that bound when the server ran a command relative to the model. */
export interface Timing {
  /** This command: the server ran it at most this long after the model did. */
  rtt: number;
  /** The longest round trip so far in the script: how much later than the model's the server's deadlines may be. */
  maxRtt: number;
  /** Of the opening TIME: how far the server's clock may be ahead of the model's. */
  rtt0: number;
  slack: number;
  /**
   * How far the model's clock has had to run ahead of the runner's to reach a blocking reply
   * (its serverCron phase is not the real server's): later commands run that much later on the
   * model until real time catches up, so timed replies allow it too.
   */
  lead: number;
}

/** An integer reply, exactly (bigint), or null for any other reply. */
export function asInt(r: RedisReply | undefined): bigint | null {
  if (typeof r === 'number') return Number.isInteger(r) ? BigInt(r) : null;
  return r !== null && typeof r === 'object' && !Array.isArray(r) && 'int' in r ? BigInt(r.int) : null;
}

export function same(a: RedisReply | undefined, b: RedisReply | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares one reply. Exact, except replies that measure time: the model ran the command when
 * it was sent and the server before its reply came back, and a deadline the model set when a
 * command was sent the server set up to that command's round trip later. So a real remaining
 * time may be below the model's by this command's round trip and above it by the longest
 * round trip so far (each ± 1 ms of truncation, plus slack and the model's lead). On loopback a
 * round trip is a fraction of a millisecond, so the window stays a few ms wide unless the
 * machine stalls, and then it widens by exactly the stall it measured. Returns why they
 * differ, or null.
 */
export function compareTimed(argv: readonly string[], model: RedisReply, real: RedisReply, m0: ModelServer, t: Timing): string | null {
  const name = argv[0].toLowerCase();
  const timed = name === 'pttl' || (name === 'fcall' && argv[1] === 'rlock');
  // When the model had to take a command at the late end of its window (see runScriptFile), its
  // deadline can be that much later than the server's, so the low side allows both round trips.
  // In whole ms, as the values are exact integers (maybe past 2^53).
  const below = BigInt(Math.ceil(t.rtt + t.maxRtt + 2 + t.slack + t.lead));
  const above = BigInt(Math.ceil(t.maxRtt + 2 + t.slack + t.lead));
  const max = (a: bigint, b: bigint) => (a > b ? a : b);
  const m = asInt(model);
  const x = asInt(real);
  if (timed && m !== null && m >= 0n && x !== null) {
    const [a, b] = [max(0n, m - below), m + above];
    return x >= a && x <= b ? null : `remaining ms outside [${a}, ${b}]`;
  }
  if (name === 'ttl' && m !== null && m >= 0n && x !== null && argv.length === 2) {
    const ms = asInt(m0.peek(['PTTL', argv[1]]));
    if (ms === null) return 'model TTL without PTTL';
    const round = (v: bigint) => (max(0n, v) + 500n) / 1000n;
    const [a, b] = [round(ms - below), round(ms + above)];
    return x >= a && x <= b ? null : `seconds outside [${a}, ${b}] (model PTTL ${ms})`;
  }
  if (name === 'time' && Array.isArray(model) && Array.isArray(real) && real.length === 2 && model.length === 2) {
    const us = (r: RedisReply[]) => Number(r[0]) * 1e6 + Number(r[1]);
    const d = (us(real) - us(model)) / 1000;
    const [a, b] = [-1 - t.slack - t.lead, t.rtt0 + t.rtt + 1 + t.slack];
    return d >= a && d <= b ? null : `real clock ${d.toFixed(3)} ms from the model's (allowed ${a.toFixed(1)}..${b.toFixed(1)})`;
  }
  return same(model, real) ? null : 'replies differ';
}

const sortedJson = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();

function pairs(r: RedisReply[]): RedisReply[][] | null {
  if (r.length % 2 !== 0) return null;
  const out: RedisReply[][] = [];
  for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]);
  return out;
}

function matches(alt: Alt, r: RedisReply): boolean {
  if ('nil' in alt) return r === null;
  if ('str' in alt) return r === alt.str;
  const n = asInt(r);
  if (n === null) return false;
  return 'int' in alt ? n === alt.int : n >= alt.from && n <= alt.to;
}

const altText = (a: Alt) => ('nil' in a ? 'nil' : 'str' in a ? JSON.stringify(a.str) : 'int' in a ? String(a.int) : `${a.from}..${a.to}`);

/**
 * Compares a reply under a script's stated allowance (unordered, unordered pairs, one of a
 * set) instead of exactly; returns why it fails, or null.
 */
export function compareAllowed(expect: Exclude<Expect, { kind: 'took' }>, model: RedisReply, real: RedisReply): string | null {
  if (expect.kind === 'one-of') {
    const bad = [['model', model] as const, ['real', real] as const].filter(([, r]) => !expect.alts.some((a) => matches(a, r))).map(([who]) => who);
    return bad.length === 0 ? null : `${bad.join(' and ')} not one of ${expect.alts.map(altText).join(' ')}`;
  }
  if (!Array.isArray(model) || !Array.isArray(real)) return same(model, real) ? null : 'replies differ (not arrays)';
  if (expect.kind === 'unordered') return JSON.stringify(sortedJson(model)) === JSON.stringify(sortedJson(real)) ? null : 'elements differ (in any order)';
  const [pm, pr] = [pairs(model), pairs(real)];
  if (pm === null || pr === null) return 'not field/value pairs';
  return JSON.stringify(sortedJson(pm)) === JSON.stringify(sortedJson(pr)) ? null : 'field/value pairs differ (in any order)';
}

/** Checks a blocking call's duration on both sides against the script's tolerance. */
export function compareTook(tolMs: number, modelMs: number, realMs: number): string | null {
  const d = realMs - modelMs;
  return Math.abs(d) <= tolMs ? null : `took ${realMs.toFixed(1)} ms on the server, ${modelMs.toFixed(1)} ms on the model (allowed ±${tolMs})`;
}
