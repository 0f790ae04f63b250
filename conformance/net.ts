import net from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves after `ms` of real time (the real servers run on wall-clock time). */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What a started server process is doing: its output so far, and why it ended (null while running). */
export interface Watched {
  readonly output: string;
  readonly exited: string | null;
  /** Resolves when the process has ended (or failed to run). */
  readonly gone: Promise<void>;
}

/** Collects a child's stdout/stderr and notes when and why it ends, for startup errors and stopping. */
export function watchChild(child: import('node:child_process').ChildProcess): Watched {
  const w = { output: '', exited: null as string | null, gone: Promise.resolve() };
  child.stdout?.on('data', (d) => (w.output += String(d)));
  child.stderr?.on('data', (d) => (w.output += String(d)));
  w.gone = new Promise<void>((resolve) => {
    child.once('error', (e) => {
      w.exited = `failed to run: ${e.message}`;
      resolve();
    });
    child.once('exit', (code, sig) => {
      w.exited ??= `exited with ${code ?? sig}`;
      resolve();
    });
  });
  return w;
}
