/**
 * Guava conformance: compiles GuavaDriver.java against the installed Guava (Debian
 * libguava-java: /usr/share/java/guava.jar, or GUAVA_JAR), runs the real RateLimiter on
 * thousands of random arrival sequences on a virtual stopwatch, runs the model
 * (engine/models/limiter/guava.ts) on the same ones, and compares every call: granted or not,
 * and the microseconds slept (within 1 µs, though they are expected to be equal).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { guavaAcquire, guavaCreate, guavaTryAcquire, type GuavaState } from '../../engine/models/limiter/guava';
import { driverInput, guavaCases, type GuavaCase } from './cases';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The Guava jar (and failureaccess, which Debian ships beside it) as a class path. */
function classPath(): string {
  const jar = process.env.GUAVA_JAR ?? '/usr/share/java/guava.jar';
  if (!existsSync(jar)) throw new Error(`no Guava jar at ${jar} (install Debian's libguava-java, or set GUAVA_JAR)`);
  const fa = path.join(path.dirname(jar), 'failureaccess.jar');
  return existsSync(fa) ? `${jar}${path.delimiter}${fa}` : jar;
}

/** The real library's answers, one "<1|0> <micros>" per call and "end" per case. */
function runDriver(input: string): string[][] {
  const cp = classPath();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guava-driver-'));
  try {
    const javac = spawnSync('javac', ['-nowarn', '-cp', cp, '-d', dir, path.join(here, 'GuavaDriver.java')], { encoding: 'utf8' });
    if (javac.status !== 0) throw new Error(`javac failed: ${javac.stderr || javac.error?.message}`);
    const java = spawnSync('java', ['-cp', `${dir}${path.delimiter}${cp}`, 'com.google.common.util.concurrent.GuavaDriver'], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (java.status !== 0) throw new Error(`the Guava driver failed: ${java.stderr || java.error?.message}`);
    const cases: string[][] = [[]];
    for (const line of java.stdout.trim().split('\n')) {
      if (line === 'end') cases.push([]);
      else cases[cases.length - 1].push(line);
    }
    cases.pop();
    return cases;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The model's answers, in the driver's format. */
function runModel(c: GuavaCase): string[] {
  let s: GuavaState = guavaCreate(c.config);
  return c.calls.map((call) => {
    const r = call.timeoutMicros === undefined ? guavaAcquire(s, call.permits, call.atMicros) : guavaTryAcquire(s, call.permits, call.timeoutMicros, call.atMicros);
    s = r.state;
    return `${r.acquired ? 1 : 0} ${r.waitMicros}`;
  });
}

/** A difference between the two, within 1 µs of wait counting as none. */
function differs(real: string, model: string): boolean {
  const [ra, rw] = real.split(' ').map(Number);
  const [ma, mw] = model.split(' ').map(Number);
  return ra !== ma || Math.abs(rw - mw) > 1;
}

export interface GuavaSuiteResult {
  cases: number;
  calls: number;
  failed: number;
  /** The first differences, for the report. */
  diffs: string[];
}

/** Runs `count` random cases (seed `seed`) on both sides and compares every call. */
export function runGuavaSuite(seed = 20_140_101, count = 3000): GuavaSuiteResult {
  const cases = guavaCases(seed, count);
  const real = runDriver(driverInput(cases));
  if (real.length !== cases.length) throw new Error(`the driver answered ${real.length} cases of ${cases.length}`);
  const diffs: string[] = [];
  let failed = 0;
  let calls = 0;
  cases.forEach((c, i) => {
    const model = runModel(c);
    calls += model.length;
    const j = model.findIndex((m, k) => differs(real[i][k], m));
    if (j >= 0 || real[i].length !== model.length) {
      failed++;
      if (diffs.length < 10) {
        const call = c.calls[j];
        diffs.push(`case ${i} (${JSON.stringify(c.config)}), call ${j} ${JSON.stringify(call)}: Guava "${real[i][j]}", model "${model[j]}"`);
      }
    }
  });
  return { cases: cases.length, calls, failed, diffs };
}
