import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PYTHON = process.env.PYTHON || '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, 'simpy', 'ping_pong.py');

/** SimPy's events/s on the same ping-pong, or why it could not run (no python3, no SimPy). */
export function simpyRate(events: number, runs: number): { rate: number; version: string } | { missing: string } {
  const r = spawnSync(PYTHON, [SCRIPT, String(events), String(runs)], { encoding: 'utf8' });
  if (r.error) return { missing: `no ${PYTHON} (${r.error.message})` };
  if (r.status !== 0) {
    const why = r.stderr.includes('No module named') ? 'SimPy is not installed (Debian: apt-get install python3-simpy)' : r.stderr.trim().split('\n').pop();
    return { missing: why ?? `exit ${r.status}` };
  }
  const out = JSON.parse(r.stdout) as { rate: number; simpy: string };
  return { rate: out.rate, version: out.simpy };
}
