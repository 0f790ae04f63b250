/**
 * `npm run hunt -- <scenario | file | share link> [--runs N] [--seed S] [--faults crash,pause,…]
 * [--max-faults M] [--budget-ms T] [--workers K] [--base URL] [--json]`: runs the scenario under random fault
 * schedules on K worker threads, stops at the first invariant violation, shrinks it and prints
 * the smallest failing schedule with a link that opens it; or says what was tried when nothing
 * broke. Exit 0 when nothing broke, 1 when a violation was found, 2 on bad input.
 * Lives outside engine/: it reads the wall clock (the budget, runs per second).
 */
import { availableParallelism } from 'node:os';
import '../../engine/registry/register-all';
import { loadTarget } from '../../engine/load-target';
import { huntReport } from '../../engine/hunt/report';
import { runPool } from '../../engine/hunt/pool';
import { threadPort } from './threads';
import { DEFAULT_DISTRIBUTION, FAULT_KINDS, type FaultKind } from '../../engine/hunt/schedule';

const USAGE = `usage: npm run hunt -- <scenario.json | built-in id | share link> [--runs N] [--seed S] [--faults ${FAULT_KINDS.join(',')}] [--max-faults M] [--budget-ms T] [--workers K] [--base URL] [--json]`;

function fail(message: string): never {
  process.stderr.write(`hunt: ${message}\n`);
  process.exit(2);
}

interface Args {
  target?: string;
  runs: number;
  seed: number;
  kinds: FaultKind[];
  maxFaults: number;
  budgetMs: number;
  workers: number;
  json: boolean;
  base: string;
}

function int(arg: string, v: string, min: number, max: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) fail(`${arg}: expected an integer from ${min} to ${max}, got "${v}"`);
  return Number(v);
}

function parseArgs(argv: string[]): Args {
  const a: Args = { runs: 1000, seed: 1, kinds: [...DEFAULT_DISTRIBUTION.kinds], maxFaults: DEFAULT_DISTRIBUTION.maxFaults, budgetMs: Infinity, workers: availableParallelism(), json: false, base: 'http://localhost:3000/' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value. ${USAGE}`);
    if (arg === '--runs') a.runs = int(arg, value(), 1, 10_000_000);
    else if (arg === '--seed') a.seed = int(arg, value(), 0, 4294967295);
    else if (arg === '--max-faults') a.maxFaults = int(arg, value(), 1, 20);
    else if (arg === '--budget-ms') a.budgetMs = int(arg, value(), 1, 86_400_000);
    else if (arg === '--workers') a.workers = int(arg, value(), 1, 256);
    else if (arg === '--json') a.json = true;
    else if (arg === '--base') a.base = value();
    else if (arg === '--faults') {
      const kinds = value().split(',').filter(Boolean);
      const bad = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
      if (bad.length || kinds.length === 0) fail(`--faults: expected some of ${FAULT_KINDS.join(',')}, got "${bad.join(',') || 'nothing'}"`);
      a.kinds = kinds as FaultKind[];
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}. ${USAGE}`);
    else if (a.target !== undefined) fail(`only one scenario at a time (got "${a.target}" and "${arg}")`);
    else a.target = arg;
  }
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.target) fail(`no scenario given. ${USAGE}`);
  const loaded = loadTarget(args.target);
  if (!loaded.ok) fail(loaded.error);
  const scenario = loaded.scenario;
  const config = { runs: args.runs, seed: args.seed, distribution: { kinds: args.kinds, maxFaults: args.maxFaults } };
  const threads = Array.from({ length: args.workers }, threadPort);
  const started = performance.now();
  let lastLine = started;
  const result = await runPool(
    scenario,
    config,
    threads.map((t) => t.port),
    {
      shouldStop: () => performance.now() - started > args.budgetMs,
      onProgress: (status) => {
        const now = performance.now();
        if (args.json || !process.stderr.isTTY || now - lastLine < 250) return;
        lastLine = now;
        process.stderr.write(`\r${status.coverage.runs} / ${args.runs} runs`);
      },
    },
  ).finally(() => threads.forEach((t) => void t.worker.terminate()));
  const elapsedMs = performance.now() - started;
  if (!args.json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const report = huntReport(scenario, config, result, { elapsedMs, workers: args.workers, base: args.base });
  process.stdout.write(args.json ? JSON.stringify(report.json, null, 2) + '\n' : report.text + '\n');
  process.exit(result.failure ? 1 : 0);
}

void main();
