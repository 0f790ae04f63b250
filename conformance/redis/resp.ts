import net from 'node:net';
import type { RedisReply } from '../../engine/clients/redis/protocol';
import { intReply, norm, type I64 } from '../../engine/models/redis/int64';

/**
 * A tiny RESP2 client over one TCP connection: enough for the conformance runner. Replies come
 * back in order; in subscribed mode, `message` frames are set aside as pushes.
 */
export class RespClient {
  private buf = Buffer.alloc(0);
  /** Replies in order, each with the performance.now() it arrived (a blocking call's duration). */
  private readonly replies: { value: RedisReply; at: number }[] = [];
  private readonly pushes: RedisReply[] = [];
  private wake: (() => void) | null = null;
  private closed: Error | null = null;
  /** Channels this connection is subscribed to (from the server's own counts). */
  private subscribed = 0;
  private everSubscribed = false;

  private constructor(private readonly sock: net.Socket) {
    sock.on('data', (d) => {
      this.buf = this.buf.length === 0 ? d : Buffer.concat([this.buf, d]);
      this.drain();
    });
    const fail = (e: Error) => {
      this.closed = e;
      this.wake?.();
    };
    sock.on('error', fail);
    sock.on('close', () => fail(new Error('connection closed')));
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const sock = net.createConnection({ port, host });
      sock.setNoDelay(true);
      sock.once('connect', () => {
        sock.removeListener('error', reject);
        resolve(new RespClient(sock));
      });
      sock.once('error', reject);
    });
  }

  /** Sends one command (as an array of bulk strings). */
  send(argv: readonly string[]): void {
    const parts = [`*${argv.length}\r\n`];
    for (const a of argv) parts.push(`$${Buffer.byteLength(a)}\r\n${a}\r\n`);
    this.sock.write(parts.join(''));
  }

  /** The next reply, waiting up to `timeoutMs`. */
  async reply(timeoutMs = 5000): Promise<RedisReply> {
    return (await this.timedReply(timeoutMs)).value;
  }

  /** The next reply and when it arrived (performance.now()), waiting up to `timeoutMs`. */
  async timedReply(timeoutMs = 5000): Promise<{ value: RedisReply; at: number }> {
    const r = await this.take(this.replies, timeoutMs);
    if (r === undefined) throw new Error(`no reply from redis-server within ${timeoutMs} ms`);
    return r;
  }

  /** Sends a command and waits for its reply. */
  async call(argv: readonly string[]): Promise<RedisReply> {
    this.send(argv);
    return this.reply();
  }

  /** The next Pub/Sub message, or undefined if none comes within `timeoutMs`. */
  push(timeoutMs: number): Promise<RedisReply | undefined> {
    return this.take(this.pushes, timeoutMs);
  }

  /** Every Pub/Sub message that arrived and nobody took (they are removed). */
  unreceived(): RedisReply[] {
    return this.pushes.splice(0);
  }

  /** Whether this connection has been subscribed at some point (so messages could still come). */
  get hasSubscribed(): boolean {
    return this.everSubscribed;
  }

  close(): void {
    this.sock.destroy();
  }

  private async take<T>(q: T[], timeoutMs: number): Promise<T | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (q.length === 0) {
      if (this.closed) throw this.closed;
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
    return q.shift();
  }

  private drain(): void {
    for (;;) {
      const r = parse(this.buf, 0);
      if (r === undefined) break;
      this.buf = this.buf.subarray(r.end);
      const v = r.value;
      if (Array.isArray(v) && (v[0] === 'subscribe' || v[0] === 'unsubscribe') && typeof v[2] === 'number') this.subscribed = v[2];
      if (this.subscribed > 0) this.everSubscribed = true;
      if (this.subscribed > 0 && Array.isArray(v) && v[0] === 'message') this.pushes.push(v);
      else this.replies.push({ value: v, at: performance.now() });
    }
    this.wake?.();
  }
}

/** A RESP integer line, exactly: a number when it is safe, a bigint beyond (as the model's replies). */
function parseRespInt(head: string): I64 {
  if (!/^-?\d{1,19}$/.test(head)) throw new Error(`bad RESP integer ${JSON.stringify(head)}`);
  return head.length <= 15 ? Number(head) : norm(BigInt(head));
}

/** Parses one RESP2 value at `at`; undefined while the buffer holds only part of it. */
function parse(buf: Buffer, at: number): { value: RedisReply; end: number } | undefined {
  if (at >= buf.length) return undefined;
  const nl = buf.indexOf('\r\n', at);
  if (nl < 0) return undefined;
  const head = buf.toString('utf8', at + 1, nl);
  const next = nl + 2;
  switch (String.fromCharCode(buf[at])) {
    case '+':
      return { value: head, end: next };
    case '-':
      return { value: { error: head }, end: next };
    case ':':
      return { value: intReply(parseRespInt(head)), end: next };
    case '$': {
      const n = Number(head);
      if (n < 0) return { value: null, end: next };
      if (buf.length < next + n + 2) return undefined;
      return { value: buf.toString('utf8', next, next + n), end: next + n + 2 };
    }
    case '*': {
      const n = Number(head);
      if (n < 0) return { value: null, end: next };
      const out: RedisReply[] = [];
      let pos = next;
      for (let i = 0; i < n; i++) {
        const r = parse(buf, pos);
        if (r === undefined) return undefined;
        out.push(r.value);
        pos = r.end;
      }
      return { value: out, end: pos };
    }
    default:
      throw new Error(`bad RESP byte ${JSON.stringify(String.fromCharCode(buf[at]))}`);
  }
}
