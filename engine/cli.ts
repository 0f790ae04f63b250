/**
 * Headless runner: `npm run sim -- <scenario.json | built-in id | share link> [--seed N] [--until MS]
 * [--format jsonl|summary] [--fail-on-violation]`, or `--list`.
 * Exit 0 on a completed run, 1 with --fail-on-violation when an invariant broke, 2 on bad input.
 */
import { inEnglish, jsonInEnglish } from './i18n/english';
import { narrate } from './core/narrate';
// Every kind's behaviour, registered up front: a CLI run builds its simulation synchronously.
import './registry/register-all';
import { buildSimulation } from './scenario/build';
import { loadTarget } from './load-target';
import { LIBRARY } from './scenario/library';
import type { Scenario } from './scenario/schema';

const USAGE = 'usage: npm run sim -- <scenario.json | built-in id | share link> [--seed N] [--until MS] [--format jsonl|summary] [--fail-on-violation] | --list';

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

interface Args {
  target?: string;
  seed?: number;
  until?: number;
  format: 'jsonl' | 'summary';
  failOnViolation: boolean;
  list: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { format: 'summary', failOnViolation: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value. ${USAGE}`);
      return v;
    };
    if (arg === '--list') a.list = true;
    else if (arg === '--fail-on-violation') a.failOnViolation = true;
    else if (arg === '--seed') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 4294967295) fail(`--seed: expected an integer from 0 to 4294967295, got "${v}"`);
      a.seed = Number(v);
    } else if (arg === '--until') {
      const v = value();
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 3_600_000) fail(`--until: expected a positive number of ms up to 3600000, got "${v}"`);
      a.until = n;
    } else if (arg === '--format') {
      const v = value();
      if (v !== 'jsonl' && v !== 'summary') fail(`--format: expected jsonl or summary, got "${v}"`);
      a.format = v;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}. ${USAGE}`);
    else if (a.target !== undefined) fail(`only one scenario at a time (got "${a.target}" and "${arg}")`);
    else a.target = arg;
  }
  return a;
}

function load(target: string): Scenario {
  const r = loadTarget(target);
  if (!r.ok) fail(r.error);
  return r.scenario;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    for (const s of LIBRARY) process.stdout.write(`${s.id.padEnd(28)} ${s.topic.padEnd(14)} ${s.description}\n`);
    return;
  }
  if (!args.target) fail(`no scenario given. ${USAGE}`);
  const scenario = load(args.target);
  const until = args.until ?? scenario.playback.untilMs;
  const seed = args.seed ?? scenario.seed;
  const sim = buildSimulation(scenario, { seed, snapshotEvery: 0 });
  sim.runUntil(until);
  const labels = Object.fromEntries(scenario.nodes.map((n) => [n.id, n.label ?? n.id]));
  const violations = [];
  const out: string[] = [];
  for (let i = 0; i < sim.trace.length; i++) {
    const ev = sim.trace.get(i);
    if (ev.type === 'invariant.violation') violations.push({ t: ev.t, monitor: ev.monitor, message: inEnglish(ev.message), nodes: ev.nodes });
    if (args.format === 'jsonl') out.push(jsonInEnglish({ ...ev, narration: narrate(sim, ev, labels) }));
    if (out.length >= 10_000) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (args.format === 'jsonl') {
    if (out.length) process.stdout.write(out.join('\n') + '\n');
  } else {
    const summary = {
      scenario: scenario.id ?? scenario.title,
      seed,
      until,
      events: sim.trace.length,
      steps: sim.steps,
      metrics: sim.metrics,
      invariants: { ok: violations.length === 0, violations: violations.length },
      violations,
    };
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  }
  if (args.failOnViolation && violations.length > 0) process.exit(1);
}

main();
