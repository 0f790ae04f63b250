/** A RESP-like reply: simple/bulk string, integer, nil, array, or error. */
export type RedisReply = string | number | null | RedisReply[] | { error: string };

export interface RedisEntry {
  value: string;
  /** Absolute expiry time on the server's own clock (ms), or null for no expiry. */
  expireAt: number | null;
}

/** The keyspace as plain data. */
export interface RedisData {
  keys: Record<string, RedisEntry>;
}

export interface ExecResult {
  data: RedisData;
  reply: RedisReply;
}

const err = (error: string): { error: string } => ({ error });
const WRONG_ARGS = (cmd: string) => err(`ERR wrong number of arguments for '${cmd.toLowerCase()}' command`);
const SYNTAX = err('ERR syntax error');
const NOT_INT = err('ERR value is not an integer or out of range');

function live(data: RedisData, key: string, now: number): RedisEntry | undefined {
  const e = data.keys[key];
  if (e === undefined) return undefined;
  if (e.expireAt !== null && e.expireAt <= now) return undefined;
  return e;
}

/** Drops expired keys that a command touches (Redis's passive expiry). */
function purge(data: RedisData, key: string, now: number): RedisData {
  const e = data.keys[key];
  if (e && e.expireAt !== null && e.expireAt <= now) {
    const keys = { ...data.keys };
    delete keys[key];
    return { keys };
  }
  return data;
}

function put(data: RedisData, key: string, entry: RedisEntry | undefined): RedisData {
  const keys = { ...data.keys };
  if (entry === undefined) delete keys[key];
  else keys[key] = entry;
  return { keys };
}

function parseIntArg(s: string): number | null {
  return /^-?\d+$/.test(s) ? Number(s) : null;
}

/**
 * Runs one command against the keyspace at server time `now`: a pure function, used by the
 * node handler and by the conformance tests alike. Returns the next keyspace and the reply.
 */
export function exec(data0: RedisData, now: number, argv: readonly string[]): ExecResult {
  if (argv.length === 0) return { data: data0, reply: err('ERR empty command') };
  const cmd = argv[0].toUpperCase();
  const key = argv[1];
  const data = key === undefined ? data0 : purge(data0, key, now);
  switch (cmd) {
    case 'PING':
      return { data, reply: 'PONG' };
    case 'GET': {
      if (argv.length !== 2) return { data, reply: WRONG_ARGS(cmd) };
      return { data, reply: live(data, key, now)?.value ?? null };
    }
    case 'SET': {
      if (argv.length < 3) return { data, reply: WRONG_ARGS(cmd) };
      let nx = false;
      let xx = false;
      let expireAt: number | null = null;
      let keepTtl = false;
      let get = false;
      for (let i = 3; i < argv.length; i++) {
        const opt = argv[i].toUpperCase();
        if (opt === 'NX' && !xx) nx = true;
        else if (opt === 'XX' && !nx) xx = true;
        else if (opt === 'GET') get = true;
        else if (opt === 'KEEPTTL' && expireAt === null) keepTtl = true;
        else if ((opt === 'PX' || opt === 'EX') && !keepTtl && expireAt === null && i + 1 < argv.length) {
          const n = parseIntArg(argv[++i]);
          if (n === null) return { data, reply: NOT_INT };
          if (n <= 0) return { data, reply: err(`ERR invalid expire time in 'set' command`) };
          expireAt = now + (opt === 'PX' ? n : n * 1000);
        } else return { data, reply: SYNTAX };
      }
      const old = live(data, key, now);
      const prev = get ? (old?.value ?? null) : 'OK';
      if ((nx && old) || (xx && !old)) return { data, reply: get ? prev : null };
      const entry = { value: argv[2], expireAt: keepTtl && old ? old.expireAt : expireAt };
      return { data: put(data, key, entry), reply: prev };
    }
    case 'PTTL':
    case 'TTL': {
      if (argv.length !== 2) return { data, reply: WRONG_ARGS(cmd) };
      const e = live(data, key, now);
      if (!e) return { data, reply: -2 };
      if (e.expireAt === null) return { data, reply: -1 };
      const ms = e.expireAt - now;
      return { data, reply: cmd === 'PTTL' ? Math.round(ms) : Math.round(ms / 1000) };
    }
    case 'DEL': {
      if (argv.length < 2) return { data, reply: WRONG_ARGS(cmd) };
      let d = data0;
      let n = 0;
      for (const k of argv.slice(1)) {
        d = purge(d, k, now);
        if (d.keys[k]) {
          d = put(d, k, undefined);
          n++;
        }
      }
      return { data: d, reply: n };
    }
    default:
      return { data, reply: err(`ERR unknown command '${argv[0]}'`) };
  }
}

/** Renders a reply the way redis-cli does, for narration. */
export function formatReply(r: RedisReply): string {
  if (r === null) return '(nil)';
  if (typeof r === 'number') return `(integer) ${r}`;
  if (typeof r === 'string') return r === 'OK' || r === 'PONG' ? r : JSON.stringify(r);
  if (Array.isArray(r)) return `[${r.map(formatReply).join(', ')}]`;
  return `(error) ${r.error}`;
}
