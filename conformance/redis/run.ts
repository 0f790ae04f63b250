import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReply } from '../../engine/clients/redis/format-reply';
import type { RedisReply } from '../../engine/clients/redis/protocol';
import { isErrorReply } from '../../engine/models/redis/keyspace';
import { SCRIPTS } from '../../engine/models/redis/scripts';
import { compareAllowed, compareTimed, compareTook, same, type Timing } from './compare';
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
async function subscribeFrames(c: RespClient, argv: readonly string[]): Promise<{ value: RedisReply; at: number }> {
  const frames: RedisReply[] = [];
  const all = argv[0].toLowerCase() === 'unsubscribe' && argv.length === 1;
  let at = 0;
  for (;;) {
    const f = await c.timedReply();
    frames.push(f.value);
    at = f.at;
    if (!Array.isArray(f.value)) break;
    if (all ? f.value[2] === 0 : frames.length === argv.length - 1) break;
  }
  return { value: frames.length === 1 ? frames[0] : frames, at };
}

/** How long a blocking call may take on the real server before the script fails. */
const BLOCK_WAIT_MS = 30_000;
/** How long the runner listens for late Pub/Sub messages once a script that subscribed ends. */
const LATE_MS = 250;

/** A command sent with `send` whose reply a later `reply` step takes. */
interface Pending {
  argv: readonly string[];
  script?: string;
  sentAt: number;
  /** The model's time when it got the command, and its reply if it answered at once. */
  modelSent: number;
  model: RedisReply | undefined;
}

/** Why a step's replies differ (or null), under the script's expectation for that line. */
function compareStep(step: Step, argv: readonly string[], m: RedisReply, r: RedisReply, model: ModelServer, t: Timing): string | null {
  if (step.expect !== undefined && step.expect.kind !== 'took') return compareAllowed(step.expect, m, r);
  return compareTimed(argv, m, r, model, t);
}

/**
 * Runs one script against the model and the server on `port`. Every step is compared and every
 * difference reported (the model goes on from its own state); true when none differ and no
 * Pub/Sub message is left that only one side got.
 */
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
    const timing: Timing = { rtt: 0, maxRtt: t0 - sent0, rtt0: t0 - sent0, slack, lead: 0 };
    const pending = new Map<string, Pending>();
    const differ: string[] = [];
    let commands = 0;
    const show = (where: string, m: RedisReply | undefined, r: RedisReply, why: string | null) => {
      if (why) differ.push(where);
      if (!verbose && !why) return;
      log(`${why ? 'x' : ' '} ${name}:${where}`);
      log(`    model: ${m === undefined ? '(no reply)' : formatReply(m)}`);
      log(`    real:  ${formatReply(r)}${why ? `   <- ${why}` : ''}`);
    };
    /** The model's reply to a held command on `conn`: run it until the reply comes (its tick may be later than the server's). */
    const lateModelReply = (c: string, arrivedAt: number) => {
      model.advanceTo(clock(arrivedAt));
      const got = model.lateReply(c) ?? model.runUntilReply(c);
      timing.lead = Math.max(timing.lead, model.now - clock(performance.now()));
      return got;
    };
    for (const step of steps) {
      if (step.kind === 'sleep') {
        await preciseSleep(step.ms);
        continue;
      }
      const c = await conn(step.conn);
      const where = `${step.line}: ${step.text}`;
      if (step.kind === 'recv') {
        model.advanceTo(clock(performance.now()));
        const m = model.recv(step.conn);
        const r = (await c.push(m === null ? RECV_NONE_MS : RECV_EXPECTED_MS)) ?? null;
        show(where, m, r, step.expect && step.expect.kind !== 'took' ? compareAllowed(step.expect, m, r) : same(m, r) ? null : 'messages differ');
        continue;
      }
      if (step.kind === 'reply') {
        const p = pending.get(step.conn)!;
        pending.delete(step.conn);
        const got = await c.timedReply(BLOCK_WAIT_MS);
        const r = normalise(got.value, p.script);
        const late = p.model === undefined ? lateModelReply(step.conn, got.at) : { reply: p.model, at: p.modelSent };
        const m = late?.reply;
        let why = m === undefined ? 'the model never answers' : compareStep(step, p.argv, m, r, model, timing);
        if (!why && late && step.expect?.kind === 'took') why = compareTook(step.expect.tolMs, late.at - p.modelSent, got.at - p.sentAt);
        show(where, m, r, why);
        continue;
      }
      commands++;
      const sentAt = performance.now();
      model.advanceTo(clock(sentAt));
      const modelSent = model.now;
      const before = model.fork();
      let m = model.call(step.conn, step.argv);
      const real = toReal(step.argv);
      if (step.send) {
        c.send(real.argv);
        pending.set(step.conn, { argv: step.argv, script: real.script, sentAt, modelSent, model: m });
        if (verbose) log(`  ${name}:${where}   (sent; model ${m === undefined ? 'holds it' : `answered ${formatReply(m)}`})`);
        continue;
      }
      const cmd = step.argv[0].toLowerCase();
      let got: { value: RedisReply; at: number };
      if (cmd === 'subscribe' || cmd === 'unsubscribe') {
        c.send(real.argv);
        got = await subscribeFrames(c, step.argv);
      } else {
        c.send(real.argv);
        got = await c.timedReply(m === undefined ? BLOCK_WAIT_MS : 5000);
      }
      const r = normalise(got.value, real.script);
      let why: string | null;
      if (m === undefined) {
        // Held by the model (a blocking pop): compare the reply it gives once its timeout or a
        // push releases it; the round trip of a blocked call says nothing about the network.
        const late = lateModelReply(step.conn, got.at);
        m = late?.reply;
        why = late === undefined ? 'the model never answers' : compareStep(step, step.argv, late.reply, r, model, timing);
        if (!why && late && step.expect?.kind === 'took') why = compareTook(step.expect.tolMs, late.at - modelSent, got.at - sentAt);
      } else {
        timing.rtt = got.at - sentAt;
        timing.maxRtt = Math.max(timing.maxRtt, timing.rtt);
        why = compareStep(step, step.argv, m, r, model, timing);
        if (why !== null) {
          // The server ran the command at some instant before its reply arrived: accept the
          // model's answer at that end of the window too (a deadline may fall inside it).
          const late = before;
          late.advanceTo(clock(got.at));
          const m2 = late.call(step.conn, step.argv);
          if (m2 !== undefined && compareStep(step, step.argv, m2, r, late, timing) === null) {
            model = late;
            m = m2;
            why = null;
          }
        }
        if (!why && step.expect?.kind === 'took') why = compareTook(step.expect.tolMs, 0, got.at - sentAt);
      }
      show(where, m, r, why);
    }
    // A message the server sent after the script stopped listening (or the model never sent)
    // fails the script: listen a little longer, then both sides must have the same left over.
    if ([...conns.values()].some((x) => x.hasSubscribed)) {
      await preciseSleep(LATE_MS);
      model.advanceTo(clock(performance.now()));
      for (const [id, x] of conns) {
        const [m, r] = [model.unreceived(id), x.unreceived()];
        show(`end: messages @${id} never took`, m, r, same(m, r) ? null : 'a message came that only one side sent (late, or missing)');
      }
    }
    if (differ.length > 0) {
      log(`FAIL ${name} (${differ.length} step${differ.length === 1 ? ' differs' : 's differ'}: ${differ.map((d) => d.split(':')[0]).join(', ')})`);
      return false;
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
