import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Normaliser, type RawResult } from '../normalise';
import { compileDriver } from '../server';
import { ModelEnsemble } from './model';
import { RealEnsemble } from './real';
import { parseEnsembleScript, SERVERS, type EnsStep, type ServerName } from './script';
import { hasLeader, noLeader, type EnsembleSide, type Mode, type Whereabouts } from './side';

/**
 * Runs ZooKeeper ensemble scripts (`*.zke`) against the model's ensemble and three real
 * ZooKeeper 3.8 servers, and compares the normalised answers line by line. A script's lines are
 * grouped into named checks (`check <name>`), each of which passes or fails as a whole.
 */

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every `*.zke` script of this folder, sorted. */
export function ensembleScripts(dir = here): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.zke'))
    .sort()
    .map((f) => path.join(dir, f));
}

const modesText = (m: Record<ServerName, Mode>) => `ok ${SERVERS.map((z) => `${z}=${m[z]}`).join(' ')}`;

/** Plays the script on one side; each line's normalised answer. Stops at the first line that throws (the side could not go on). */
async function play(side: EnsembleSide, steps: EnsStep[]): Promise<{ answers: Map<number, string>; took: Map<number, number>; broke: string | null }> {
  const n = new Normaliser(true);
  const answers = new Map<number, string>();
  const took = new Map<number, number>();
  const whereText = (w: Whereabouts, session: string, connected: boolean) => {
    const name = n.sessionName(w.session);
    if (connected) return w.server === null ? `err not connected (${name})` : `ok connected ${name}`;
    return `ok ${w.server ?? '-'} ${name}`;
  };
  const fmt = (session: string | null, cmd: string, r: RawResult) => n.format(session, cmd, r);
  try {
    for (const s of steps) {
      const t0 = side.now();
      switch (s.kind) {
        case 'check':
          break;
        case 'start':
          await side.start(s.servers);
          answers.set(s.line, 'ok');
          break;
        case 'kill':
          await side.kill(s.server);
          answers.set(s.line, 'ok');
          break;
        case 'sleep':
          await side.sleep(s.ms);
          answers.set(s.line, 'ok');
          break;
        case 'roles':
          answers.set(s.line, modesText(await side.modes()));
          break;
        case 'await':
          answers.set(s.line, modesText(await side.awaitModes(s.what === 'leader' ? hasLeader : noLeader, s.ms)));
          break;
        case 'connect':
          answers.set(s.line, fmt(s.session, 'connect', await side.connect(s.line, s.session, s.timeoutMs, s.hosts)));
          break;
        case 'where':
          answers.set(s.line, whereText(await side.where(s.line, s.session), s.session, false));
          break;
        case 'awaitConnected':
          answers.set(s.line, whereText(await side.awaitConnected(s.line, s.session, s.ms), s.session, true));
          break;
        case 'awaitGone':
          answers.set(s.line, fmt(s.session, 'exists', await side.awaitGone(s.line, s.session, s.path, s.ms)));
          break;
        case 'session':
          answers.set(s.line, fmt(s.session, s.cmd, await side.command(s)));
          break;
      }
      took.set(s.line, side.now() - t0);
    }
    return { answers, took, broke: null };
  } catch (e) {
    return { answers, took, broke: (e as Error).message };
  }
}

export interface EnsembleSuiteOptions {
  log?: (line: string) => void;
  /** Print every line, not only the differences (also with ZK_ENSEMBLE_VERBOSE=1). */
  verbose?: boolean;
  /** A class path with ZkDriver already compiled (compileDriver); compiled here when absent. */
  classpath?: string;
}

/**
 * Runs ensemble scripts, each on a fresh real ensemble (started and stopped here) and a fresh
 * model. Returns the number of checks passed and failed. Throws when the Java driver cannot be
 * built; a real ensemble that cannot start fails the script's checks with the servers' words.
 */
export async function runEnsembleSuite(paths: string[], opts: EnsembleSuiteOptions = {}): Promise<{ passed: number; failed: number }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  if (paths.length === 0) throw new Error('no ZooKeeper ensemble scripts given');
  const driver = opts.classpath ? { classpath: opts.classpath, cleanup: () => {} } : await compileDriver();
  let passed = 0;
  let failed = 0;
  try {
    for (const file of paths) {
      const name = path.relative(process.cwd(), file);
      const steps = parseEnsembleScript(fs.readFileSync(file, 'utf8'), name);
      const t0 = Date.now();
      const model = await play(new ModelEnsemble(steps), steps);
      const realSide = await RealEnsemble.create(driver.classpath);
      let real: Awaited<ReturnType<typeof play>>;
      try {
        real = await play(realSide, steps);
      } finally {
        await realSide.stop();
      }
      log(`zookeeper ensemble: ${name} on 3 real ZooKeeper 3.8 servers and the model (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      if (model.broke) log(`  the model side stopped: ${model.broke}`);
      if (real.broke) log(`  the real side stopped: ${real.broke}`);
      // Lines before the first check belong to a check named after the file.
      let check = path.basename(file);
      let lines: string[] = [];
      let ok = true;
      const end = () => {
        if (lines.length === 0 && check === path.basename(file)) return;
        for (const l of lines) log(l);
        log(`${ok ? 'ok  ' : 'FAIL'} check ${check}`);
        if (ok) passed++;
        else failed++;
      };
      let any = false;
      for (const s of steps) {
        if (s.kind === 'check') {
          if (any) end();
          check = s.name;
          lines = [];
          ok = true;
          any = true;
          continue;
        }
        any = true;
        const ms = model.answers.get(s.line) ?? '(no answer)';
        const rs = real.answers.get(s.line) ?? '(no answer)';
        const expect = 'expect' in s ? s.expect : null;
        let why: string | null = null;
        if (ms !== rs) why = 'model and server differ';
        else if (expect !== null && !ms.startsWith(expect)) why = `both answer other than the expected "${expect}"`;
        if (opts.verbose || process.env.ZK_ENSEMBLE_VERBOSE === '1' || why) {
          lines.push(`${why ? 'x' : ' '} ${name}:${s.line}: ${s.text}`);
          // How long each side took is shown, never compared: real and virtual time differ.
          const took = (m: Map<number, number>) => (m.has(s.line) ? `  (${Math.round(m.get(s.line)!)} ms)` : '');
          lines.push(`    model: ${ms}${took(model.took)}`);
          lines.push(`    real:  ${rs}${took(real.took)}${why ? `   <- ${why}` : ''}`);
        }
        if (why) ok = false;
      }
      if (any) end();
    }
  } finally {
    driver.cleanup();
  }
  log(`zookeeper ensemble: ${passed} checks passed, ${failed} failed`);
  return { passed, failed };
}
