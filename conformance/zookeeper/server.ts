import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, sleep, watchChild } from '../net';
import { fileURLToPath } from 'node:url';
import type { RawResult } from './normalise';

/**
 * The real side: a ZooKeeper 3.8 server (Debian's zkServer.sh, standalone, fresh data directory,
 * loopback only) and the Java driver (ZkDriver.java, compiled here against the Debian jars) that
 * plays a script with the official client.
 */

const ZK_SERVER = process.env.ZK_SERVER_SH ?? '/usr/share/zookeeper/bin/zkServer.sh';
/** zookeeper.jar's manifest lists its dependencies (jute, netty, slf4j…), so it is enough here. */
const ZK_JAR = process.env.ZK_JAR ?? '/usr/share/java/zookeeper.jar';
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Server flags the model mirrors (MODEL_SERVER_PARAMS): the container manager checks every second
 * instead of every minute, so container and TTL scripts stay short, and TTL nodes are enabled.
 */
const SERVER_JVMFLAGS = '-Dznode.container.checkIntervalMs=1000 -Dzookeeper.extendedTypesEnabled=true';

export interface ZkServer {
  port: number;
  /** The server's java process (zkServer.sh execs it), for `server pause` (SIGSTOP / SIGCONT). */
  pid: number;
  stop(): Promise<void>;
}


/** Sends a four-letter word and returns the answer (ruok -> imok). */
export function fourLetter(port: number, word: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`${word}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.on('connect', () => sock.write(word));
    sock.on('data', (d) => (out += String(d)));
    sock.on('end', () => {
      clearTimeout(timer);
      resolve(out);
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Kills a detached child's whole process group (zkServer.sh execs java, but be thorough). */
export function killGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Starts a standalone ZooKeeper on a free loopback port with a fresh data directory and waits
 * until it answers `ruok`. Throws, with the server's own output, when it cannot start.
 */
export async function startZkServer(): Promise<ZkServer> {
  if (!fs.existsSync(ZK_SERVER)) throw new Error(`ZooKeeper is not installed: ${ZK_SERVER} is missing (apt-get install zookeeper)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-zk-'));
  const port = await freePort();
  const cfg = path.join(dir, 'zoo.cfg');
  fs.writeFileSync(
    cfg,
    [
      'tickTime=2000',
      `dataDir=${path.join(dir, 'data')}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      '4lw.commands.whitelist=ruok,srvr',
      'admin.enableServer=false',
      '',
    ].join('\n'),
  );
  const child = spawn(ZK_SERVER, ['start-foreground', cfg], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, JMXDISABLE: 'true', SERVER_JVMFLAGS, ZOOPIDFILE: path.join(dir, 'zk.pid') },
  });
  const proc = watchChild(child);
  const stop = async () => {
    killGroup(child, 'SIGTERM');
    await Promise.race([proc.gone, sleep(3000)]);
    if (proc.exited === null) {
      killGroup(child, 'SIGKILL');
      await Promise.race([proc.gone, sleep(2000)]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exited !== null) {
      await stop();
      throw new Error(`ZooKeeper (${ZK_SERVER}) could not start: ${proc.exited}\n${proc.output.trim()}`);
    }
    try {
      const a = await fourLetter(port, 'ruok');
      if (a === 'imok') return { port, pid: child.pid!, stop };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`ZooKeeper did not answer ruok on 127.0.0.1:${port} within 30 s\n${proc.output.trim()}`);
    }
    await sleep(100);
  }
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${String(stderr).trim()}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Compiles ZkDriver.java into a temporary directory; returns the class path to run it with. */
export async function compileDriver(): Promise<{ classpath: string; cleanup(): void }> {
  if (!fs.existsSync(ZK_JAR)) throw new Error(`ZooKeeper client jar not found: ${ZK_JAR} (apt-get install libzookeeper-java)`);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-zkdriver-'));
  try {
    await run('javac', ['-nowarn', '-cp', ZK_JAR, '-d', out, path.join(here, 'ZkDriver.java')], 120_000);
  } catch (e) {
    fs.rmSync(out, { recursive: true, force: true });
    throw new Error(`could not compile the Java driver (is a JDK installed?): ${(e as Error).message}`);
  }
  return { classpath: `${ZK_JAR}${path.delimiter}${out}`, cleanup: () => fs.rmSync(out, { recursive: true, force: true }) };
}

/**
 * Plays a script file against the server with the Java driver; returns each command line's
 * answer. `pid` is the server's process, which `server pause` stops and continues.
 */
export async function runReal(classpath: string, port: number, pid: number, scriptFile: string, timeoutMs: number): Promise<Map<number, RawResult>> {
  const { stdout } = await run('java', ['-cp', classpath, 'ZkDriver', `127.0.0.1:${port}`, scriptFile, String(pid)], timeoutMs);
  const results = new Map<number, RawResult>();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const j = JSON.parse(line) as { line: number; res: RawResult };
    results.set(j.line, j.res);
  }
  return results;
}
