import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { freePort, sleep, watchChild, type Watched } from '../../net';
import type { RawResult } from '../normalise';
import type { ZkStep } from '../script';
import { fourLetter, killGroup } from '../server';
import { SERVERS, type ServerName } from './script';
import type { EnsembleSide, Mode, Whereabouts } from './side';

/**
 * The real side of an ensemble conformance run: three ZooKeeper 3.8 servers (Debian's
 * zkServer.sh, each in its own process group, fresh data directories, loopback only) and the
 * Java driver (ZkDriver.java in its interactive mode) playing the sessions with the official
 * client.
 */

/** The ensemble's settings, on the real servers (zoo.cfg) and the model's nodes alike. */
export const ENSEMBLE_CONFIG = { tickTime: 1000, initLimit: 5, syncLimit: 2 } as const;

const ZK_SERVER = process.env.ZK_SERVER_SH ?? '/usr/share/zookeeper/bin/zkServer.sh';
/** How long a driver command may take before the run gives up on it. */
const COMMAND_LIMIT = 60_000;
const POLL_MS = 100;

interface Ports {
  client: number;
  peer: number;
  election: number;
}

interface Running {
  child: ChildProcess;
  proc: Watched;
}

/**
 * Ports for the three servers: ZK_ENSEMBLE_PORT_BASE=b gives client ports b+1…b+3, quorum ports
 * b+11…b+13 and election ports b+21…b+23 (for a machine where only a range is ours); without
 * it, ports the OS says are free.
 */
async function ensemblePorts(): Promise<Ports[]> {
  const base = Number(process.env.ZK_ENSEMBLE_PORT_BASE);
  if (Number.isInteger(base) && base > 0) return SERVERS.map((_, i) => ({ client: base + 1 + i, peer: base + 11 + i, election: base + 21 + i }));
  const out: Ports[] = [];
  const taken = new Set<number>();
  const next = async () => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  for (let i = 0; i < SERVERS.length; i++) out.push({ client: await next(), peer: await next(), election: await next() });
  return out;
}

/** The real ensemble and the Java driver. */
export class RealEnsemble implements EnsembleSide {
  private readonly running = new Map<ServerName, Running>();
  private driver: ChildProcess | null = null;
  private driverOut: Watched | null = null;
  private readonly waiting = new Map<number, (r: RawResult) => void>();
  private nextId = 1;

  /** Kills whatever is still running if this process ends before stop() (an exception, an exit). */
  private readonly onExit = () => {
    for (const r of this.running.values()) killGroup(r.child, 'SIGKILL');
    this.driver?.kill('SIGKILL');
    fs.rmSync(this.dir, { recursive: true, force: true });
  };

  /** Ctrl-C or a CI timeout's SIGTERM (which end Node without 'exit'): the same, then end as the signal would. */
  private readonly onSignal = (sig: NodeJS.Signals) => {
    this.onExit();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };

  private constructor(
    private readonly dir: string,
    private readonly ports: Ports[],
    private readonly classpath: string,
  ) {
    process.once('exit', this.onExit);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  /** Writes the three servers' configurations and starts the driver; no server runs yet. */
  static async create(classpath: string): Promise<RealEnsemble> {
    if (!fs.existsSync(ZK_SERVER)) throw new Error(`ZooKeeper is not installed: ${ZK_SERVER} is missing (apt-get install zookeeper)`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-zke-'));
    const ports = await ensemblePorts();
    const e = new RealEnsemble(dir, ports, classpath);
    SERVERS.forEach((z, i) => {
      const data = path.join(dir, z, 'data');
      fs.mkdirSync(data, { recursive: true });
      fs.writeFileSync(path.join(data, 'myid'), `${i + 1}\n`);
      fs.writeFileSync(
        path.join(dir, z, 'zoo.cfg'),
        [
          `tickTime=${ENSEMBLE_CONFIG.tickTime}`,
          `initLimit=${ENSEMBLE_CONFIG.initLimit}`,
          `syncLimit=${ENSEMBLE_CONFIG.syncLimit}`,
          `dataDir=${data}`,
          `clientPort=${ports[i].client}`,
          'clientPortAddress=127.0.0.1',
          '4lw.commands.whitelist=ruok,srvr,mntr',
          'admin.enableServer=false',
          ...ports.map((p, j) => `server.${j + 1}=127.0.0.1:${p.peer}:${p.election}`),
          '',
        ].join('\n'),
      );
    });
    e.startDriver();
    return e;
  }

  private startDriver(): void {
    const child = spawn('java', ['-cp', this.classpath, 'ZkDriver', '-', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.driver = child;
    const out = watchChild(child);
    this.driverOut = out;
    readline.createInterface({ input: child.stdout! }).on('line', (l) => {
      if (!l.startsWith('{')) return;
      const j = JSON.parse(l) as { line: number; res: RawResult };
      const w = this.waiting.get(j.line);
      this.waiting.delete(j.line);
      w?.(j.res);
    });
    void out.gone.then(() => {
      for (const [id, w] of this.waiting) {
        this.waiting.delete(id);
        w({ fail: `the Java driver ended: ${out.exited}\n${out.output.trim()}` });
      }
    });
  }

  /** Sends one command to the driver; its answer, or a failure after COMMAND_LIMIT. */
  private ask(text: string): Promise<RawResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (!this.driver || this.driverOut?.exited) {
        resolve({ fail: `the Java driver is not running: ${this.driverOut?.exited ?? 'not started'}` });
        return;
      }
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ fail: `no answer within ${COMMAND_LIMIT} ms` });
      }, COMMAND_LIMIT);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.driver.stdin!.write(`${id} ${text}\n`);
    });
  }

  now(): number {
    return Date.now();
  }

  private portsOf(z: ServerName): Ports {
    return this.ports[SERVERS.indexOf(z)];
  }

  async start(servers: ServerName[]): Promise<void> {
    for (const z of servers) {
      if (this.running.has(z)) throw new Error(`${z} is already running`);
      const cfg = path.join(this.dir, z, 'zoo.cfg');
      const child = spawn(ZK_SERVER, ['start-foreground', cfg], {
        detached: true, // its own process group, killed whole
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, JMXDISABLE: 'true', ZOOPIDFILE: path.join(this.dir, z, 'zk.pid'), ZOO_LOG_DIR: path.join(this.dir, z) },
      });
      const proc = watchChild(child);
      this.running.set(z, { child, proc });
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (proc.exited !== null) throw new Error(`ZooKeeper ${z} (${ZK_SERVER}) could not start: ${proc.exited}\n${proc.output.trim()}`);
        try {
          if ((await fourLetter(this.portsOf(z).client, 'ruok')) === 'imok') break;
        } catch {
          // not up yet
        }
        if (Date.now() > deadline) throw new Error(`ZooKeeper ${z} did not answer ruok within 30 s\n${proc.output.trim()}`);
        await sleep(50);
      }
    }
  }

  async kill(z: ServerName): Promise<void> {
    const r = this.running.get(z);
    if (!r) throw new Error(`${z} is not running`);
    killGroup(r.child, 'SIGKILL');
    await Promise.race([r.proc.gone, sleep(5000)]);
    if (r.proc.exited === null) throw new Error(`${z} did not die on SIGKILL within 5 s`);
    this.running.delete(z);
  }

  private async mode(z: ServerName): Promise<Mode> {
    if (!this.running.has(z)) return 'down';
    let a: string;
    try {
      a = await fourLetter(this.portsOf(z).client, 'srvr');
    } catch {
      return 'down';
    }
    const m = /Mode: (\w+)/.exec(a)?.[1];
    if (m === 'leader' || m === 'follower') return m;
    // "This ZooKeeper instance is not currently serving requests": looking, or not yet synced.
    return 'not-serving';
  }

  async modes(): Promise<Record<ServerName, Mode>> {
    const out = {} as Record<ServerName, Mode>;
    for (const z of SERVERS) out[z] = await this.mode(z);
    return out;
  }

  async awaitModes(ok: (m: Record<ServerName, Mode>) => boolean, ms: number): Promise<Record<ServerName, Mode>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = await this.modes();
      if (ok(m) || Date.now() > deadline) return m;
      await sleep(POLL_MS);
    }
  }

  sleep(ms: number): Promise<void> {
    return sleep(ms);
  }

  async connect(_line: number, session: string, timeoutMs: number, hosts: ServerName[]): Promise<RawResult> {
    return this.ask(`${session} connect ${timeoutMs} ${hosts.map((z) => `127.0.0.1:${this.portsOf(z).client}`).join(',')}`);
  }

  async where(_line: number, session: string): Promise<Whereabouts> {
    const r = (await this.ask(`${session} where`)) as RawResult & { server?: string | null };
    if (r.fail !== undefined || r.err !== undefined) throw new Error(`where ${session}: ${r.fail ?? r.err}`);
    const port = r.server ? Number(r.server.split(':')[1]) : null;
    const z = port === null ? null : (SERVERS.find((s) => this.portsOf(s).client === port) ?? null);
    return { server: z, session: r.session ?? '0x0' };
  }

  async awaitConnected(line: number, session: string, ms: number): Promise<Whereabouts> {
    const deadline = Date.now() + ms;
    for (;;) {
      const w = await this.where(line, session);
      if (w.server !== null || Date.now() > deadline) return w;
      await sleep(POLL_MS);
    }
  }

  async awaitGone(_line: number, session: string, p: string, ms: number): Promise<RawResult> {
    const deadline = Date.now() + ms;
    for (;;) {
      const r = await this.ask(`${session} exists ${p}`);
      if ((r.ok && r.stat === null) || Date.now() > deadline) return r;
      await sleep(POLL_MS);
    }
  }

  command(step: ZkStep): Promise<RawResult> {
    return this.ask(step.text);
  }

  async stop(): Promise<void> {
    // The servers go too, so the sessions need no closing (closing them against a dead
    // ensemble would only wait).
    if (this.driver && this.driverOut && this.driverOut.exited === null) {
      this.driver.kill('SIGKILL');
      await Promise.race([this.driverOut.gone, sleep(5000)]);
    }
    for (const z of [...this.running.keys()]) {
      const r = this.running.get(z)!;
      killGroup(r.child, 'SIGKILL');
      await Promise.race([r.proc.gone, sleep(5000)]);
      this.running.delete(z);
    }
    process.removeListener('exit', this.onExit);
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
