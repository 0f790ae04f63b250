import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, sleep, watchChild } from '../net';
import { RespClient } from './resp';

/** A redis-server this process started, on a free local port, with no persistence. */
export interface RedisServer {
  port: number;
  version: string;
  stop(): Promise<void>;
}


/**
 * Starts `bin` (default /usr/bin/redis-server) in a temporary directory and waits until it
 * answers PING. Throws with the server's own output when it cannot start.
 */
export async function startRedisServer(bin = process.env.REDIS_SERVER ?? '/usr/bin/redis-server'): Promise<RedisServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-redis-'));
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start redis-server (${bin}): ${(e as Error).message}`);
  }
  const proc = watchChild(child);
  const cleanup = async () => {
    if (proc.exited === null) {
      child.kill('SIGTERM');
      await Promise.race([proc.gone, sleep(5000)]);
      if (proc.exited === null) child.kill('SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exited !== null) {
      await cleanup();
      throw new Error(`redis-server (${bin}) could not start: ${proc.exited}\n${proc.output.trim()}`);
    }
    try {
      const c = await RespClient.connect(port);
      const pong = await c.call(['PING']);
      const info = await c.call(['INFO', 'server']);
      c.close();
      if (pong !== 'PONG') throw new Error(`unexpected PING reply ${JSON.stringify(pong)}`);
      const version = typeof info === 'string' ? (/redis_version:(\S+)/.exec(info)?.[1] ?? '?') : '?';
      return { port, version, stop: cleanup };
    } catch (e) {
      if (Date.now() > deadline) {
        await cleanup();
        throw new Error(`redis-server (${bin}) did not answer on port ${port} within 10 s: ${(e as Error).message}\n${proc.output.trim()}`);
      }
      await sleep(50);
    }
  }
}
