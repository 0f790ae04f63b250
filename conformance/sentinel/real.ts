import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { RedisReply } from '../../engine/clients/redis/protocol';
import { sleep, watchChild, type Watched } from '../net';
import { RespClient } from '../redis/resp';

// The real side of the Sentinel check: a redis-server primary and replica and three
// redis-sentinel processes, all on 127.0.0.1 ports 26400-26499, started and stopped here.

/** The setup both sides share. */
export const SETUP = { quorum: 2, downAfterMs: 1000, failoverTimeoutMs: 10_000, parallelSyncs: 1, masterName: 'mymaster' } as const;

/** Loopback ports: the two servers and the three sentinels. */
export const PORTS = { primary: 26401, replica: 26402, sentinels: [26411, 26412, 26413] } as const;

interface Proc {
  name: string;
  child: ChildProcess;
  w: Watched;
}

/** Whether something already listens on 127.0.0.1:port (then the check cannot run). */
function busy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** One call on a fresh connection (a sentinel's answer, a server's ROLE), or the error text. */
export async function ask(port: number, argv: readonly string[]): Promise<RedisReply | { failed: string }> {
  try {
    const c = await RespClient.connect(port);
    try {
      return await c.call(argv);
    } finally {
      c.close();
    }
  } catch (e) {
    return { failed: (e as Error).message };
  }
}

/** The processes of one run; `stop` ends every one still running and removes the directory. */
export class RealCluster {
  private readonly procs: Proc[] = [];
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-sentinel-'));

  static async start(): Promise<RealCluster> {
    for (const p of [PORTS.primary, PORTS.replica, ...PORTS.sentinels]) {
      if (await busy(p)) throw new Error(`127.0.0.1:${p} is in use; the Sentinel check needs ports ${PORTS.primary}-${PORTS.sentinels[2]}`);
    }
    const c = new RealCluster();
    try {
      await c.startServer('primary', PORTS.primary);
      await c.startServer('replica', PORTS.replica, PORTS.primary);
      await c.until('the replica to sync', 10_000, async () => String(await ask(PORTS.replica, ['INFO', 'replication'])).includes('master_link_status:up'));
      for (const [i, port] of PORTS.sentinels.entries()) await c.startSentinel(`s${i + 1}`, port);
      // Sentinels find each other and the replica through hello messages (every 2 s) and INFO.
      await c.until('the sentinels to know each other and the replica', 20_000, async () => {
        for (const port of PORTS.sentinels) {
          const m = await ask(port, ['SENTINEL', 'master', SETUP.masterName]);
          const f = fields(m);
          if (f['num-other-sentinels'] !== '2' || f['num-slaves'] !== '1') return false;
        }
        return true;
      });
      return c;
    } catch (e) {
      await c.stop();
      throw e;
    }
  }

  private spawn(name: string, bin: string, args: string[]): Proc {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const p = { name, child, w: watchChild(child) };
    this.procs.push(p);
    return p;
  }

  /** Starts a redis-server on `port` (a replica of `primaryPort` if given), no persistence, and waits for PING. */
  async startServer(name: string, port: number, primaryPort?: number): Promise<void> {
    const dir = path.join(this.dir, name);
    fs.mkdirSync(dir, { recursive: true });
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
    if (primaryPort !== undefined) args.push('--replicaof', '127.0.0.1', String(primaryPort));
    const p = this.spawn(name, process.env.REDIS_SERVER ?? '/usr/bin/redis-server', args);
    await this.until(`${name} to answer PING`, 10_000, async () => {
      if (p.w.exited !== null) throw new Error(`${name} could not start: ${p.w.exited}\n${p.w.output.trim()}`);
      return (await ask(port, ['PING'])) === 'PONG';
    });
  }

  private async startSentinel(name: string, port: number): Promise<void> {
    const conf = path.join(this.dir, `${name}.conf`);
    fs.writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        'daemonize no',
        `dir ${this.dir}`,
        `sentinel monitor ${SETUP.masterName} 127.0.0.1 ${PORTS.primary} ${SETUP.quorum}`,
        `sentinel down-after-milliseconds ${SETUP.masterName} ${SETUP.downAfterMs}`,
        `sentinel failover-timeout ${SETUP.masterName} ${SETUP.failoverTimeoutMs}`,
        `sentinel parallel-syncs ${SETUP.masterName} ${SETUP.parallelSyncs}`,
        '',
      ].join('\n'),
    );
    const p = this.spawn(name, process.env.REDIS_SENTINEL ?? '/usr/bin/redis-sentinel', [conf]);
    await this.until(`${name} to answer PING`, 10_000, async () => {
      if (p.w.exited !== null) throw new Error(`${name} could not start: ${p.w.exited}\n${p.w.output.trim()}`);
      return (await ask(port, ['PING'])) === 'PONG';
    });
  }

  /** SIGKILLs the process `name` and waits until it is gone; returns performance.now() of the kill. */
  async kill(name: string): Promise<number> {
    const p = this.procs.find((x) => x.name === name && x.w.exited === null);
    if (!p) throw new Error(`no running ${name}`);
    const at = performance.now();
    p.child.kill('SIGKILL');
    await Promise.race([p.w.gone, sleep(5000)]);
    return at;
  }

  /** Polls `ok` every 10 ms until it holds; throws after `ms`. */
  async until(what: string, ms: number, ok: () => Promise<boolean>): Promise<number> {
    const deadline = performance.now() + ms;
    for (;;) {
      if (await ok()) return performance.now();
      if (performance.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
      await sleep(10);
    }
  }

  /** Ends every process it started (SIGTERM, then SIGKILL) and removes its directory. */
  async stop(): Promise<void> {
    for (const p of this.procs) {
      if (p.w.exited !== null) continue;
      p.child.kill('SIGTERM');
      await Promise.race([p.w.gone, sleep(3000)]);
      if (p.w.exited === null) {
        p.child.kill('SIGKILL');
        await Promise.race([p.w.gone, sleep(3000)]);
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A flat [key, value, key, value…] reply (SENTINEL master) as a record. */
export function fields(r: RedisReply | { failed: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(r)) return out;
  for (let i = 0; i + 1 < r.length; i += 2) out[String(r[i])] = String(r[i + 1]);
  return out;
}
