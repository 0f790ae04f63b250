import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReply, type RedisReply } from '../../engine/models/redis/commands';
import { isErrorReply } from '../../engine/models/redis/keyspace';
import { SCRIPTS } from '../../engine/models/redis/scripts';
import { ModelServer } from './model-side';
import { RespClient } from './resp';
import { parseScript, type Step } from './script';
import { startRedisServer } from './server';

export interface RedisSuiteOptions {
  /**
   * Slack (ms) added to the timing bounds of replies that depend on elapsed time (PTTL, TTL,
   * TIME, the PTTL `rlock` returns). The model's clock follows the runner's monotonic clock,
   * anchored to the server's TIME at the start of each script, and each command runs on the
   * model at the instant it is sent; the server runs it somewhere before its reply arrives.
   * So the bounds come from measured round trips (see `compare`), and this slack only covers
   * the server's wall clock drifting from the runner's monotonic one over a script (NTP slews
   * at most 0.5 ms/s) and ms truncation. Default 1; env REDIS_CONFORMANCE_TOL_MS overrides.
   */
  tolMs?: number;
  /** Where lines go (default console.log). */
  log?: (line: string) => void;
  /** Print every step, not only failures. */
  verbose?: boolean;
  /** Path of redis-server (default /usr/bin/redis-server, or env REDIS_SERVER). */
  server?: string;
}

const DEFAULT_TOL_MS = 1;

/** How long `recv` waits on the real server: long when the model got a message, short when not. */
const RECV_EXPECTED_MS = 1000;
const RECV_NONE_MS = 100;

async function preciseSleep(ms: number): Promise<void> {
  const end = performance.now() + ms;
  if (ms > 3) await new Promise((r) => setTimeout(r, ms - 3));
  while (performance.now() < end) await new Promise((r) => setImmediate(r));
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** A named script on the real server: its Lua original through EVAL. */
function toReal(argv: readonly string[]): { argv: string[]; script?: string } {
  if (argv[0].toLowerCase() !== 'fcall' || argv.length < 3) return { argv: [...argv] };
  const s = Object.prototype.hasOwnProperty.call(SCRIPTS, argv[1]) ? SCRIPTS[argv[1]] : undefined;
  if (!s) return { argv: [...argv] };
  return { argv: ['EVAL', s.lua, ...argv.slice(2)], script: argv[1] };
}

/** In a real script error, the script is named by its SHA1; the model names it. */
function normalise(r: RedisReply, script: string | undefined): RedisReply {
  if (!script || !isErrorReply(r)) return r;
  return { error: r.error.replace(`script: ${sha1(SCRIPTS[script].lua)},`, `script: ${script},`) };
}

/** Reads the frames SUBSCRIBE / UNSUBSCRIBE send (one per channel) as the model returns them. */
async function subscribeFrames(c: RespClient, argv: readonly string[]): Promise<RedisReply> {
  const frames: RedisReply[] = [];
  const all = argv[0].toLowerCase() === 'unsubscribe' && argv.length === 1;
  for (;;) {
    const f = await c.reply();
    frames.push(f);
    if (!Array.isArray(f)) break;
    if (all ? f[2] === 0 : frames.length === argv.length - 1) break;
  }
  return frames.length === 1 ? frames[0] : frames;
}

/** An integer reply, exactly (bigint), or null for any other reply. */
function asInt(r: RedisReply): bigint | null {
  if (typeof r === 'number') return Number.isInteger(r) ? BigInt(r) : null;
  return r !== null && typeof r === 'object' && !Array.isArray(r) && 'int' in r ? BigInt(r.int) : null;
}

function same(a: RedisReply, b: RedisReply): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Round-trip times (ms) that bound when the server ran a command relative to the model. */
interface Timing {
  /** This command: the server ran it at most this long after the model did. */
  rtt: number;
  /** The longest round trip so far in the script: how much later than the model's the server's deadlines may be. */
  maxRtt: number;
  /** Of the opening TIME: how far the server's clock may be ahead of the model's. */
  rtt0: number;
  slack: number;
}

/**
 * Compares one reply. Exact, except replies that measure time: the model ran the command when
 * it was sent and the server before its reply came back, and a deadline the model set when a
 * command was sent the server set up to that command's round trip later. So a real remaining
 * time may be below the model's by this command's round trip and above it by the longest
 * round trip so far (each ± 1 ms of truncation, plus slack). On loopback a round trip is a
 * fraction of a millisecond, so the window stays a few ms wide unless the machine stalls, and
 * then it widens by exactly the stall it measured. Returns why they differ, or null.
 */
function compare(step: Extract<Step, { kind: 'cmd' }>, model: RedisReply, real: RedisReply, m0: ModelServer, t: Timing): string | null {
  const name = step.argv[0].toLowerCase();
  const timed = name === 'pttl' || (name === 'fcall' && step.argv[1] === 'rlock');
  // When the model had to take a command at the late end of its window (see runScriptFile), its
  // deadline can be that much later than the server's, so the low side allows both round trips.
  // In whole ms, as the values are exact integers (maybe past 2^53).
  const below = BigInt(Math.ceil(t.rtt + t.maxRtt + 2 + t.slack));
  const above = BigInt(Math.ceil(t.maxRtt + 2 + t.slack));
  const max = (a: bigint, b: bigint) => (a > b ? a : b);
  const m = asInt(model);
  const x = asInt(real);
  if (timed && m !== null && m >= 0n && x !== null) {
    const [a, b] = [max(0n, m - below), m + above];
    return x >= a && x <= b ? null : `remaining ms outside [${a}, ${b}]`;
  }
  if (name === 'ttl' && m !== null && m >= 0n && x !== null && step.argv.length === 2) {
    const ms = asInt(m0.peek(['PTTL', step.argv[1]]));
    if (ms === null) return 'model TTL without PTTL';
    const round = (v: bigint) => (max(0n, v) + 500n) / 1000n;
    const [a, b] = [round(ms - below), round(ms + above)];
    return x >= a && x <= b ? null : `seconds outside [${a}, ${b}] (model PTTL ${ms})`;
  }
  if (name === 'time' && Array.isArray(model) && Array.isArray(real) && real.length === 2 && model.length === 2) {
    const us = (r: RedisReply[]) => Number(r[0]) * 1e6 + Number(r[1]);
    const d = (us(real) - us(model)) / 1000;
    const [a, b] = [-1 - t.slack, t.rtt0 + t.rtt + 1 + t.slack];
    return d >= a && d <= b ? null : `real clock ${d.toFixed(3)} ms from the model's (allowed ${a.toFixed(1)}..${b.toFixed(1)})`;
  }
  return same(model, real) ? null : 'replies differ';
}

/** Runs one script against the model and the server on `port`; true when every reply matches. */
async function runScriptFile(file: string, port: number, slack: number, log: (s: string) => void, verbose: boolean): Promise<boolean> {
  const name = path.relative(process.cwd(), file);
  let steps: Step[];
  try {
    steps = parseScript(fs.readFileSync(file, 'utf8'), name);
  } catch (e) {
    log(`FAIL ${name}: ${(e as Error).message}`);
    return false;
  }
  const conns = new Map<string, RespClient>();
  const conn = async (c: string) => {
    let x = conns.get(c);
    if (!x) {
      x = await RespClient.connect(port);
      conns.set(c, x);
    }
    return x;
  };
  try {
    const main = await conn('main');
    await main.call(['FLUSHALL']);
    // Open every connection first, so connecting never happens between a command and its timing.
    for (const s of steps) if (s.kind !== 'sleep') await conn(s.conn);
    const sent0 = performance.now();
    const t = await main.call(['TIME']);
    const t0 = performance.now();
    if (!Array.isArray(t)) throw new Error(`TIME replied ${formatReply(t)}`);
    const start = Number(t[0]) * 1000 + Number(t[1]) / 1000;
    // The model's clock: the server's time at the TIME reply, then the runner's monotonic clock.
    const clock = (at: number) => start + (at - t0);
    let model = new ModelServer(Math.floor(start));
    const timing: Timing = { rtt: 0, maxRtt: t0 - sent0, rtt0: t0 - sent0, slack };
    let commands = 0;
    for (const step of steps) {
      if (step.kind === 'sleep') {
        await preciseSleep(step.ms);
        continue;
      }
      const c = await conn(step.conn);
      let m: RedisReply;
      let r: RedisReply;
      let why: string | null;
      if (step.kind === 'recv') {
        model.advanceTo(clock(performance.now()));
        m = model.recv(step.conn);
        r = (await c.push(m === null ? RECV_NONE_MS : RECV_EXPECTED_MS)) ?? null;
        why = same(m, r) ? null : 'messages differ';
      } else {
        commands++;
        const sentAt = performance.now();
        model.advanceTo(clock(sentAt));
        const before = model.fork();
        m = model.call(step.conn, step.argv);
        const real = toReal(step.argv);
        const cmd = step.argv[0].toLowerCase();
        if (cmd === 'subscribe' || cmd === 'unsubscribe') {
          c.send(real.argv);
          r = await subscribeFrames(c, step.argv);
        } else {
          r = normalise(await c.call(real.argv), real.script);
        }
        const gotAt = performance.now();
        timing.rtt = gotAt - sentAt;
        timing.maxRtt = Math.max(timing.maxRtt, timing.rtt);
        why = compare(step, m, r, model, timing);
        if (why !== null) {
          // The server ran the command at some instant before its reply arrived: accept the
          // model's answer at that end of the window too (a deadline may fall inside it).
          const late = before;
          late.advanceTo(clock(gotAt));
          const m2 = late.call(step.conn, step.argv);
          if (compare(step, m2, r, late, timing) === null) {
            model = late;
            m = m2;
            why = null;
          }
        }
      }
      if (verbose || why) {
        log(`${why ? 'x' : ' '} ${name}:${step.line}: ${step.text}`);
        log(`    model: ${formatReply(m)}`);
        log(`    real:  ${formatReply(r)}${why ? `   <- ${why}` : ''}`);
      }
      if (why) {
        log(`FAIL ${name} (stopped at line ${step.line}: the model and the server no longer agree)`);
        return false;
      }
    }
    log(`ok   ${name} (${commands} commands)`);
    return true;
  } catch (e) {
    log(`FAIL ${name}: ${(e as Error).message}`);
    return false;
  } finally {
    for (const x of conns.values()) x.close();
  }
}

/**
 * Runs conformance scripts against the Redis model and a real redis-server this function
 * starts (and stops). Throws when the server cannot start; never skips.
 */
export async function runRedisSuite(paths: string[], opts: RedisSuiteOptions = {}): Promise<{ passed: number; failed: number }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const envTol = process.env.REDIS_CONFORMANCE_TOL_MS;
  const tol = opts.tolMs ?? (envTol !== undefined && envTol !== '' ? Number(envTol) : DEFAULT_TOL_MS);
  if (!Number.isFinite(tol) || tol < 0) throw new Error(`bad time slack ${tol}`);
  if (paths.length === 0) throw new Error('no Redis conformance scripts given');
  const server = await startRedisServer(opts.server);
  log(`redis-server ${server.version} on 127.0.0.1:${server.port}; time slack ${tol} ms`);
  let passed = 0;
  let failed = 0;
  try {
    for (const p of paths) {
      if (await runScriptFile(p, server.port, tol, log, opts.verbose ?? false)) passed++;
      else failed++;
    }
  } finally {
    await server.stop();
  }
  log(`redis conformance: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

/** Every `*.redis` script in this folder, sorted. */
export function redisScripts(dir = path.dirname(fileURLToPath(import.meta.url))): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.redis'))
    .sort()
    .map((f) => path.join(dir, f));
}
