import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort, sleep, watchChild, type Watched } from '../net';

/**
 * The real side: Debian's MariaDB (`mariadbd`), on a data directory made here with
 * `mariadb-install-db`, listening on a free loopback port (no grant tables: only this machine
 * can reach it, for as long as the suite runs). `restart` kills it with SIGKILL, as a crash
 * would, and starts it again on the same data, so InnoDB's recovery runs (prepared XA branches
 * come back).
 */

const MARIADBD = process.env.MARIADBD ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.MARIADB_INSTALL_DB ?? '/usr/bin/mariadb-install-db';

/** innodb_lock_wait_timeout the server runs with (whole seconds), and the model with. */
export const LOCK_WAIT_TIMEOUT_S = 1;

export interface MariaDbServer {
  port: number;
  /** Kills the server (SIGKILL) and starts it again on the same data directory and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${String(stderr).trim()}`));
      else resolve(String(stdout));
    });
  });
}

/** mariadbd refuses to run as root unless told to; as anyone else, it runs as that user. */
const userArgs = (): string[] => (os.userInfo().uid === 0 ? ['--user=root'] : []);

/** Starts a MariaDB server on a fresh data directory; throws, with its own words, when it cannot. */
export async function startMariaDb(): Promise<MariaDbServer> {
  if (!fs.existsSync(MARIADBD)) throw new Error(`MariaDB is not installed: ${MARIADBD} is missing (apt-get install mariadb-server)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-mariadb-'));
  const data = path.join(dir, 'data');
  try {
    await run(INSTALL_DB, ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...userArgs()], 120_000);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const port = await freePort();
  const args = [
    '--no-defaults',
    `--datadir=${data}`,
    ...userArgs(),
    '--skip-networking=0',
    '--bind-address=127.0.0.1',
    `--port=${port}`,
    `--socket=${path.join(dir, 'mysqld.sock')}`,
    `--pid-file=${path.join(dir, 'mysqld.pid')}`,
    `--log-error=${path.join(dir, 'error.log')}`,
    '--skip-grant-tables',
    `--innodb-lock-wait-timeout=${LOCK_WAIT_TIMEOUT_S}`,
    '--innodb-buffer-pool-size=32M',
  ];
  let child: ChildProcess | null = null;
  let proc: Watched | null = null;
  const errorLog = () => {
    try {
      return fs.readFileSync(path.join(dir, 'error.log'), 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '';
    }
  };
  const kill = async (sig: NodeJS.Signals) => {
    if (!child || !proc || proc.exited !== null) return;
    child.kill(sig);
    await Promise.race([proc.gone, sleep(10_000)]);
  };
  const launch = async () => {
    child = spawn(MARIADBD, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    proc = watchChild(child);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exited !== null) throw new Error(`mariadbd could not start: ${proc.exited}\n${proc.output.trim()}\n${errorLog()}`);
      try {
        const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
        await c.end();
        return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) {
        await kill('SIGKILL');
        throw new Error(`mariadbd did not accept connections on 127.0.0.1:${port} within 60 s\n${errorLog()}`);
      }
      await sleep(100);
    }
  };
  const stop = async () => {
    await kill('SIGTERM');
    await kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await launch();
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    port,
    stop,
    async restart() {
      await kill('SIGKILL');
      await launch();
    },
  };
}
