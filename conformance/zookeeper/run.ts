import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runModel } from './model-side';
import { Normaliser, type RawResult } from './normalise';
import { parseZkScript, type ZkStep } from './script';
import { compileDriver, runReal, startZkServer } from './server';

export interface ZkSuiteOptions {
  /** Where lines go (default console.log). */
  log?: (line: string) => void;
  /** Print every line of every script, not only the differences. */
  verbose?: boolean;
  /** Scripts run at once, each with its own server (default 2, or env ZK_CONFORMANCE_JOBS). */
  jobs?: number;
  /** A class path with ZkDriver already compiled (compileDriver), shared with the ensemble suite; compiled here when absent. */
  classpath?: string;
}

interface Outcome {
  ok: boolean;
  lines: string[];
  /** The real client could not connect to its fresh server at all: the machine's trouble, not a model difference. */
  noConnect?: boolean;
}

/**
 * Runs one script on the model and on a fresh real server, and compares the normalised answers
 * line by line. Each side gets its own Normaliser: session ids and zxids are only compared
 * through what they stand for (which session, how many transactions apart).
 */
async function runScript(file: string, classpath: string, verbose: boolean): Promise<Outcome> {
  const name = path.relative(process.cwd(), file);
  const lines: string[] = [];
  let steps: ZkStep[];
  try {
    steps = parseZkScript(fs.readFileSync(file, 'utf8'), name);
  } catch (e) {
    return { ok: false, lines: [`FAIL ${name}: ${(e as Error).message}`] };
  }
  const model = runModel(steps).results;
  const slept = steps.filter((s) => s.cmd === 'sleep' || s.cmd === 'pause').reduce((a, s) => a + Number(s.args[0]), 0);
  let real: Map<number, RawResult>;
  const server = await startZkServer();
  try {
    real = await runReal(classpath, server.port, server.pid, file, slept + 60_000 + steps.length * 20_000);
  } finally {
    await server.stop();
  }
  const nm = new Normaliser();
  const nr = new Normaliser();
  let ok = true;
  let noConnect = false;
  for (const step of steps) {
    const m = model.get(step.line);
    const r = real.get(step.line);
    const ms = m ? nm.format(step.session, step.cmd, m) : '(no answer)';
    const rs = r ? nr.format(step.session, step.cmd, r) : '(no answer)';
    let why: string | null = null;
    // `=> unordered`: the real client's order is not fixed (a HashMap of its own), so compare the items as a set.
    if (step.expect === 'unordered' ? unorderedKey(ms) !== unorderedKey(rs) : ms !== rs) why = 'model and server differ';
    else if (step.expect !== null && step.expect !== 'unordered' && !ms.startsWith(step.expect)) why = `both answer other than the expected "${step.expect}"`;
    if (verbose || why) {
      lines.push(`${why ? 'x' : ' '} ${name}:${step.line}: ${step.text}`);
      if (step.cmd !== 'sleep' || why) {
        lines.push(`    model: ${ms}`);
        lines.push(`    real:  ${rs}${why ? `   <- ${why}` : ''}`);
      }
    }
    if (why) ok = false;
    if (why && step.cmd === 'connect' && rs.includes('connect timed out')) noConnect = true;
  }
  const cmds = steps.filter((s) => s.cmd !== 'sleep').length;
  lines.push(ok ? `ok   ${name} (${cmds} commands)` : `FAIL ${name}`);
  return { ok, lines, noConnect };
}

/**
 * Runs ZooKeeper conformance scripts against the model and a real ZooKeeper 3.8 (one fresh
 * standalone server per script, started and stopped here). Throws when the server or the Java
 * driver cannot be set up; never skips.
 */
export async function runZkSuite(paths: string[], opts: ZkSuiteOptions = {}): Promise<{ passed: number; failed: number }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  if (paths.length === 0) throw new Error('no ZooKeeper conformance scripts given');
  const envJobs = Number(process.env.ZK_CONFORMANCE_JOBS);
  const jobs = Math.max(1, opts.jobs ?? (Number.isInteger(envJobs) && envJobs > 0 ? envJobs : Math.min(2, os.cpus().length)));
  // Fail fast, with the server's own words, if ZooKeeper cannot start at all.
  const probe = await startZkServer();
  await probe.stop();
  const driver = opts.classpath ? { classpath: opts.classpath, cleanup: () => {} } : await compileDriver();
  log(`zookeeper conformance: ${paths.length} scripts, ${jobs} at a time, each on a fresh ZooKeeper 3.8 server`);
  const outcomes: (Outcome | undefined)[] = new Array(paths.length);
  let next = 0;
  let printed = 0;
  const flush = () => {
    while (printed < outcomes.length && outcomes[printed]) {
      for (const l of outcomes[printed]!.lines) log(l);
      printed++;
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(jobs, paths.length) }, async () => {
        while (next < paths.length) {
          const i = next++;
          try {
            let o = await runScript(paths[i], driver.classpath, opts.verbose ?? false);
            // A client that cannot reach a fresh server within 15 s (seen once on a loaded 2-core
            // machine) says nothing about the model: run the script once more, and say so.
            if (!o.ok && o.noConnect) {
              const again = await runScript(paths[i], driver.classpath, opts.verbose ?? false);
              o = { ...again, lines: [`again ${path.relative(process.cwd(), paths[i])}: the real client could not connect to its fresh server; ran it once more`, ...again.lines] };
            }
            outcomes[i] = o;
          } catch (e) {
            outcomes[i] = { ok: false, lines: [`FAIL ${path.relative(process.cwd(), paths[i])}: ${(e as Error).message}`] };
          }
          flush();
        }
      }),
    );
  } finally {
    driver.cleanup();
  }
  const passed = outcomes.filter((o) => o?.ok).length;
  const failed = outcomes.length - passed;
  log(`zookeeper conformance: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

/** An answer like `ok [a, b]` with its list sorted. */
function unorderedKey(answer: string): string {
  const m = /^(.*?)\[(.*)\](.*)$/.exec(answer);
  if (!m) return answer;
  return `${m[1]}[${m[2].split(', ').sort().join(', ')}]${m[3]}`;
}

/** Every `*.zk` script in this folder, sorted. */
export function zkScripts(dir = path.dirname(fileURLToPath(import.meta.url))): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.zk'))
    .sort()
    .map((f) => path.join(dir, f));
}
