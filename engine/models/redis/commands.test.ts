import { describe, expect, it } from 'vitest';
import { formatReply } from '../../clients/redis/format-reply';
import type { RedisReply } from '../../clients/redis/protocol';
import { exec, type RedisData } from './commands';

/** Runs commands in order at the given server times; returns the replies and the final data. */
function run(steps: [number, ...string[]][], data: RedisData = { keys: {} }, client = 'c1'): { replies: RedisReply[]; data: RedisData } {
  const replies: RedisReply[] = [];
  for (const [now, ...argv] of steps) {
    const r = exec(data, now, argv, { client });
    replies.push(r.reply);
    data = r.data;
  }
  return { replies, data };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe('exec: purity', () => {
  it('never mutates the data it is given', () => {
    const data = deepFreeze(run([[0, 'SET', 'a', '1', 'PX', '100'], [0, 'HSET', 'h', 'f', '1'], [0, 'SET', 'b', '2']]).data);
    const snapshot = JSON.stringify(data);
    for (const argv of [
      ['GET', 'a'],
      ['DEL', 'a', 'b'],
      ['HINCRBY', 'h', 'f', '2'],
      ['HDEL', 'h', 'f'],
      ['INCR', 'b'],
      ['PEXPIRE', 'b', '5'],
      ['SUBSCRIBE', 'ch'],
      ['FCALL', 'rlock', '1', 'l', '100', 'x:1'],
    ]) {
      exec(data, 500, argv);
    }
    expect(JSON.stringify(data)).toBe(snapshot);
  });

  it('returns the same data object when nothing changed', () => {
    const data = run([[0, 'SET', 'a', '1']]).data;
    expect(exec(data, 1, ['GET', 'a']).data).toBe(data);
    expect(exec(data, 1, ['SET', 'a', '2', 'NX']).data).toBe(data);
  });

  it('keeps a key named __proto__ as an ordinary key', () => {
    const { replies, data } = run([
      [0, 'SET', '__proto__', 'x'],
      [0, 'GET', '__proto__'],
      [0, 'HSET', 'h', '__proto__', 'y'],
      [0, 'HGET', 'h', '__proto__'],
      [0, 'EXISTS', 'toString'],
    ]);
    expect(replies).toEqual(['OK', 'x', 1, 'y', 0]);
    expect(Object.getPrototypeOf(data.keys)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('exec: expiry at the boundary', () => {
  it('keeps a key alive at its deadline and drops it 1 ms later (Redis: expired iff now > when)', () => {
    const d = run([[1000, 'SET', 'k', 'v', 'PX', '100']]).data;
    expect(d.keys.k.expireAt).toBe(1100);
    expect(exec(d, 1099, ['GET', 'k']).reply).toBe('v');
    expect(exec(d, 1100, ['GET', 'k']).reply).toBe('v');
    expect(exec(d, 1100, ['PTTL', 'k']).reply).toBe(0);
    expect(exec(d, 1100.999, ['GET', 'k']).reply).toBe('v');
    const after = exec(d, 1101, ['GET', 'k']);
    expect(after.reply).toBeNull();
    expect(after.expired).toEqual(['k']);
    expect(after.data.keys.k).toBeUndefined();
  });

  it('works on whole milliseconds, as Redis truncates its clock', () => {
    const d = run([[1000.7, 'SET', 'k', 'v', 'PX', '100']]).data;
    expect(d.keys.k.expireAt).toBe(1100);
    expect(exec(d, 1050.9, ['PTTL', 'k']).reply).toBe(50);
    expect(exec(d, 1099.5, ['TIME']).reply).toEqual(['1', '99500']);
  });

  it('rounds TTL half up and answers -2 / -1', () => {
    const d = run([[0, 'SET', 'a', 'v', 'PX', '1499'], [0, 'SET', 'b', 'v', 'PX', '1500'], [0, 'SET', 'c', 'v']]).data;
    expect(exec(d, 0, ['TTL', 'a']).reply).toBe(1);
    expect(exec(d, 0, ['TTL', 'b']).reply).toBe(2);
    expect(exec(d, 0, ['TTL', 'c']).reply).toBe(-1);
    expect(exec(d, 0, ['TTL', 'nope']).reply).toBe(-2);
    expect(exec(d, 1600, ['PTTL', 'a']).reply).toBe(-2);
  });

  it('deletes at once when PEXPIRE sets a deadline at or before now', () => {
    const { replies } = run([[10, 'SET', 'k', 'v'], [10, 'PEXPIRE', 'k', '0'], [10, 'EXISTS', 'k']]);
    expect(replies).toEqual(['OK', 1, 0]);
  });

  it('expires early on a clock that runs ahead and late on one that lags (deadlines are absolute)', () => {
    // The same SET seen by a server whose clock reads 1000 ms ahead of another's.
    const d = run([[5000, 'SET', 'lock', 'A', 'PX', '3000']]).data;
    const trueNow = 7500; // 2.5 s after the SET
    expect(exec(d, trueNow + 1000, ['GET', 'lock']).reply).toBeNull(); // clock jumped forward: gone early
    expect(exec(d, trueNow, ['GET', 'lock']).reply).toBe('A');
    expect(exec(d, 8500 - 1000, ['GET', 'lock']).reply).toBe('A'); // clock behind: still there after 3.5 s
  });

  it('on a replica, reads an expired key as missing but does not delete it', () => {
    const d = run([[0, 'SET', 'k', 'v', 'PX', '10']]).data;
    const r = exec(d, 50, ['GET', 'k'], { replica: true });
    expect(r.reply).toBeNull();
    expect(r.data.keys.k).toBeDefined();
    expect(r.expired).toBeUndefined();
    expect(exec(d, 50, ['TTL', 'k'], { replica: true }).reply).toBe(-2);
    expect(exec(d, 50, ['DBSIZE'], { replica: true }).reply).toBe(1);
    expect(exec(d, 5, ['SET', 'x', '1'], { replica: true }).reply).toEqual({ error: "READONLY You can't write against a read only replica." });
    expect(exec(d, 5, ['FCALL', 'unlock', '1', 'k', 'v'], { replica: true }).reply).toEqual({ error: "READONLY You can't write against a read only replica." });
  });
});

describe('exec: SET options', () => {
  it('parses options like Redis 7.0', () => {
    const { replies } = run([
      [0, 'SET', 'k', 'v', 'NX', 'XX'],
      [0, 'SET', 'k', 'v', 'EX', '10', 'EX', '20'],
      [0, 'TTL', 'k'],
      [0, 'SET', 'k', 'v', 'EX', 'abc', 'NX', 'XX'],
      [0, 'SET', 'k', 'v', 'EX', 'abc'],
      [0, 'SET', 'k', 'v', 'EX', '0'],
      [0, 'SET', 'k', 'v', 'PX', '10', 'KEEPTTL'],
      [0, 'SET', 'k', 'v', 'KEEPTTL', 'PX', '10'],
      [0, 'SET', 'k', 'v2', 'KEEPTTL', 'GET'],
      [0, 'TTL', 'k'],
      [0, 'SET', 'k', 'v3', 'NX', 'GET'],
      [0, 'SET', 'k', 'v', 'PX'],
    ]);
    expect(replies).toEqual([
      { error: 'ERR syntax error' },
      'OK',
      20,
      { error: 'ERR syntax error' },
      { error: 'ERR value is not an integer or out of range' },
      { error: "ERR invalid expire time in 'set' command" },
      { error: 'ERR syntax error' },
      { error: 'ERR syntax error' },
      'v',
      20,
      'v2',
      { error: 'ERR syntax error' },
    ]);
  });
});

describe('exec: integers, hashes and types', () => {
  it('parses integers as strictly as string2ll and keeps the TTL on INCR', () => {
    const { replies } = run([
      [0, 'SET', 'z', '01'],
      [0, 'INCR', 'z'],
      [0, 'SET', 'big', '9223372036854775807'],
      [0, 'INCR', 'big'],
      [0, 'SET', 't', '1', 'PX', '500'],
      [100, 'INCR', 't'],
      [100, 'PTTL', 't'],
    ]);
    expect(replies).toEqual(['OK', { error: 'ERR value is not an integer or out of range' }, 'OK', { error: 'ERR increment or decrement would overflow' }, 'OK', 2, 400]);
  });

  it('keeps hashes as records, deletes an emptied hash and words WRONGTYPE as Redis does', () => {
    const { replies, data } = run([
      [0, 'HSET', 'h', 'a', '1', 'b', '2'],
      [0, 'HINCRBY', 'h', 'a', '5'],
      [0, 'GET', 'h'],
      [0, 'HDEL', 'h', 'a', 'b'],
      [0, 'SET', 's', 'x'],
      [0, 'HGET', 's', 'f'],
      [0, 'HSET', 'h2', 'f', 'v'],
    ]);
    expect(replies).toEqual([2, 6, { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' }, 2, 'OK', { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' }, 1]);
    expect(data.keys.h).toBeUndefined();
    expect(data.keys.h2).toEqual({ type: 'hash', value: { f: 'v' }, expireAt: null });
    expect(data.keys.s).toEqual({ type: 'string', value: 'x', expireAt: null });
  });
});

describe('exec: pub/sub', () => {
  it('keeps subscriptions per client and reports receivers', () => {
    let data: RedisData = { keys: {} };
    data = exec(data, 0, ['SUBSCRIBE', 'ch'], { client: 'a' }).data;
    data = exec(data, 0, ['SUBSCRIBE', 'ch', 'other'], { client: 'b' }).data;
    const pub = exec(data, 0, ['PUBLISH', 'ch', 'hi'], { client: 'c' });
    expect(pub.reply).toBe(2);
    expect(pub.published).toEqual([{ channel: 'ch', message: 'hi', to: ['a', 'b'] }]);
    const un = exec(data, 0, ['UNSUBSCRIBE'], { client: 'b' });
    expect(un.reply).toEqual([
      ['unsubscribe', 'ch', 1],
      ['unsubscribe', 'other', 0],
    ]);
    expect(exec(un.data, 0, ['PUBLISH', 'ch', 'x']).published?.[0].to).toEqual(['a']);
  });
});

describe('exec: subscribed mode', () => {
  const REFUSED = (cmd: string) => ({ error: `ERR Can't execute '${cmd}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context` });

  it('refuses other commands on a subscribed connection, after arity and until the last UNSUBSCRIBE', () => {
    let data: RedisData = { keys: {} };
    const on = (argv: string[], conn = 's') => {
      const r = exec(data, 0, argv, { client: 'c', conn });
      data = r.data;
      return r.reply;
    };
    expect(on(['PING'])).toBe('PONG');
    expect(on(['SUBSCRIBE', 'a', 'b'])).toEqual([
      ['subscribe', 'a', 1],
      ['subscribe', 'b', 2],
    ]);
    expect(data.subs).toEqual({ a: ['c#s'], b: ['c#s'] });
    expect(on(['gEt', 'k'])).toEqual(REFUSED('get'));
    expect(on(['GET'])).toEqual({ error: "ERR wrong number of arguments for 'get' command" });
    expect(on(['NOPE'])).toEqual({ error: "ERR unknown command 'NOPE', with args beginning with: " });
    expect(on(['PING'])).toEqual(['pong', '']);
    expect(on(['PING', 'm'])).toEqual(['pong', 'm']);
    expect(on(['GET', 'k'], 'other')).toBeNull();
    expect(on(['UNSUBSCRIBE', 'a'])).toEqual(['unsubscribe', 'a', 1]);
    expect(on(['FCALL', 'unlock', '1', 'k', 't'])).toEqual(REFUSED('fcall'));
    expect(on(['UNSUBSCRIBE'])).toEqual(['unsubscribe', 'b', 0]);
    expect(on(['GET', 'k'])).toBeNull();
    expect(on(['PING'])).toBe('PONG');
  });

  it('delivers to each subscribed connection of a node', () => {
    let data: RedisData = { keys: {} };
    data = exec(data, 0, ['SUBSCRIBE', 'ch'], { client: 'c', conn: '1' }).data;
    data = exec(data, 0, ['SUBSCRIBE', 'ch'], { client: 'c', conn: '2' }).data;
    data = exec(data, 0, ['SUBSCRIBE', 'ch'], { client: 'c' }).data;
    expect(exec(data, 0, ['PUBLISH', 'ch', 'x']).published).toEqual([{ channel: 'ch', message: 'x', to: ['c#1', 'c#2', 'c'] }]);
  });
});

describe('exec: error texts with client input', () => {
  const unknown = (...argv: string[]) => (exec({ keys: {} }, 0, argv).reply as { error: string }).error;

  it('cuts an unknown command at 128 bytes and its argument list once it reaches 128 bytes', () => {
    expect(unknown('x'.repeat(200))).toBe(`ERR unknown command '${'x'.repeat(128)}', with args beginning with: `);
    expect(unknown('foo', 'a'.repeat(100), 'b'.repeat(100))).toBe(`ERR unknown command 'foo', with args beginning with: '${'a'.repeat(100)}' '${'b'.repeat(25)}' `);
    expect(unknown('foo', 'a'.repeat(126), 'b')).toBe(`ERR unknown command 'foo', with args beginning with: '${'a'.repeat(126)}' `);
  });

  it('counts bytes, not characters: a character split by the cut reads as U+FFFD', () => {
    expect(unknown('foo', 'a' + 'é'.repeat(70), 'b')).toBe(`ERR unknown command 'foo', with args beginning with: 'a${'é'.repeat(63)}\uFFFD' `);
  });

  it('replaces CR and LF with spaces', () => {
    expect(unknown('fo\no', 'a\nb', 'c\r\nd')).toBe("ERR unknown command 'fo o', with args beginning with: 'a b' 'c  d' ");
    const d = exec({ keys: {} }, 0, ['SET', 'k', 'v']).data;
    expect(exec(d, 0, ['EXPIRE', 'k', '1', 'a\nb']).reply).toEqual({ error: 'ERR Unsupported option a b' });
  });
});

describe('exec: lists and blocking pops', () => {
  it('pushes, pops (with COUNT), ranges and deletes an emptied list', () => {
    const { replies, data } = run([
      [0, 'LPUSH', 'l', 'a', 'b', 'c'],
      [0, 'RPUSH', 'l', 'd'],
      [0, 'LRANGE', 'l', '0', '-1'],
      [0, 'LRANGE', 'l', '-2', '100'],
      [0, 'RPOP', 'l', '2'],
      [0, 'LPOP', 'l', '0'],
      [0, 'LPOP', 'l', '-1'],
      [0, 'LPOP', 'l'],
      [0, 'LPOP', 'l', '5'],
      [0, 'EXISTS', 'l'],
      [0, 'LPOP', 'l', '2'],
      [0, 'SET', 's', 'x'],
      [0, 'LPUSH', 's', 'y'],
      [0, 'GET', 's'],
      [0, 'RPUSH', 'l2', 'x'],
      [0, 'GET', 'l2'],
      [0, 'TYPE', 'l2'],
    ]);
    expect(replies).toEqual([
      3,
      4,
      ['c', 'b', 'a', 'd'],
      ['a', 'd'],
      ['d', 'a'],
      [],
      { error: 'ERR value is out of range, must be positive' },
      'c',
      ['b'],
      0,
      null,
      'OK',
      { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' },
      'x',
      1,
      { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' },
      'list',
    ]);
    expect(data.keys.l).toBeUndefined();
  });

  it('pops at once from the first non-empty list, or asks to block with a deadline', () => {
    const d = run([[0, 'RPUSH', 'b', 'x']]).data;
    expect(exec(d, 1000, ['BLPOP', 'a', 'b', '1']).reply).toEqual(['b', 'x']);
    const held = exec({ keys: {} }, 1000, ['BRPOP', 'a', 'b', '0.25']);
    expect(held.blocked).toEqual({ keys: ['a', 'b'], left: false, deadline: 1250 });
    expect(exec({ keys: {} }, 1000, ['BLPOP', 'a', '0']).blocked?.deadline).toBeNull();
    expect(exec({ keys: {} }, 1000, ['LPUSH', 'a', 'v']).ready).toEqual(['a']);
    expect(exec(d, 1000, ['BLPOP', 'b', '1'], { replica: true }).reply).toEqual({ error: "READONLY You can't write against a read only replica." });
  });

  it('reads the timeout as Redis 7.0 does (long double, ceill, cast to long long)', () => {
    const deadline = (t: string) => exec({ keys: {} }, 1000, ['BLPOP', 'q', t]);
    expect(deadline('0.0001').blocked?.deadline).toBe(1001);
    expect(deadline('-0.001').blocked?.deadline).toBeNull();
    expect(deadline('0x1p-2').blocked?.deadline).toBe(1250);
    expect(deadline('9223372036854775').blocked?.deadline).toBeNull(); // the sum wraps: never
    expect(deadline('-1').reply).toEqual({ error: 'ERR timeout is negative' });
    expect(deadline('inf').reply).toEqual({ error: 'ERR timeout is negative' });
    expect(deadline('9223372036854776').reply).toEqual({ error: 'ERR timeout is negative' });
    expect(deadline('nan').reply).toEqual({ error: 'ERR timeout is not a float or out of range' });
    expect(deadline(' 1').reply).toEqual({ error: 'ERR timeout is not a float or out of range' });
  });
});

describe('exec: hash order', () => {
  it('answers HGETALL / HKEYS / HVALS in insertion order, an update keeping its place', () => {
    const { replies } = run([
      [0, 'HSET', 'h', 'b', '1', 'a', '2', 'c', '3'],
      [0, 'HSET', 'h', 'a', '20'],
      [0, 'HKEYS', 'h'],
      [0, 'HVALS', 'h'],
      [0, 'HDEL', 'h', 'b'],
      [0, 'HSET', 'h', 'b', '4'],
      [0, 'HGETALL', 'h'],
    ]);
    expect(replies.slice(2)).toEqual([['b', 'a', 'c'], ['1', '20', '3'], 1, 1, ['a', '20', 'c', '3', 'b', '4']]);
  });
});

describe('formatReply', () => {
  it('renders like redis-cli', () => {
    expect(formatReply(null)).toBe('(nil)');
    expect(formatReply(3)).toBe('(integer) 3');
    expect(formatReply(['a', null])).toBe('["a", (nil)]');
    expect(formatReply({ error: 'ERR x' })).toBe('(error) ERR x');
  });
});

describe('exec: 64-bit integers and deadlines, exact', () => {
  const NOW = 1_700_000_000_000;

  it('counts exactly past 2^53 and refuses int64 overflow with Redis texts', () => {
    const { replies, data } = run([
      [0, 'SET', 'n', '9007199254740992'],
      [0, 'INCR', 'n'],
      [0, 'SET', 'max', '9223372036854775806'],
      [0, 'INCR', 'max'],
      [0, 'INCR', 'max'],
      [0, 'DECRBY', 'x', '-9223372036854775808'],
      [0, 'INCRBY', 'min', '-9223372036854775808'],
      [0, 'DECR', 'min'],
      [0, 'INCRBY', 'y', '9223372036854775808'],
      [0, 'HINCRBY', 'h', 'f', '9223372036854775807'],
      [0, 'HINCRBY', 'h', 'f', '1'],
      [0, 'INCR', 'small'],
    ]);
    expect(replies).toEqual([
      'OK',
      { int: '9007199254740993' },
      'OK',
      { int: '9223372036854775807' },
      { error: 'ERR increment or decrement would overflow' },
      { error: 'ERR decrement would overflow' },
      { int: '-9223372036854775808' },
      { error: 'ERR increment or decrement would overflow' },
      { error: 'ERR value is not an integer or out of range' },
      { int: '9223372036854775807' },
      { error: 'ERR increment or decrement would overflow' },
      1,
    ]);
    expect(data.keys.n).toMatchObject({ value: '9007199254740993' });
    expect(formatReply(replies[1])).toBe('(integer) 9007199254740993');
  });

  it('keeps a deadline past 2^53 exact (expireAtExact) and compares GT / LT exactly', () => {
    const { replies, data } = run([
      [NOW, 'SET', 'k', 'v'],
      [NOW, 'PEXPIREAT', 'k', '9007199254740993'],
      [NOW, 'PEXPIREAT', 'k', '9007199254740992', 'LT'],
      [NOW, 'PEXPIREAT', 'k', '9007199254740993', 'GT'],
      [NOW, 'PEXPIRETIME', 'k'],
      [NOW, 'PTTL', 'k'],
      [NOW, 'INCR', 'k'],
      [NOW, 'SET', 'k', 'w', 'KEEPTTL'],
    ]);
    expect(replies.slice(1, 6)).toEqual([1, 1, 1, { int: '9007199254740993' }, { int: String(9007199254740993n - BigInt(NOW)) }]);
    // ttlMs (the TTL the deadline was set with, for views) is a double like expireAt.
    expect(data.keys.k).toEqual({ type: 'string', value: 'w', expireAt: 9007199254740992, expireAtExact: '9007199254740993', ttlMs: 9007199254740992 - NOW });
    const persisted = exec(data, NOW, ['PERSIST', 'k']).data;
    expect(persisted.keys.k).toEqual({ type: 'string', value: 'w', expireAt: null });
  });

  it('refuses deadlines C would overflow, per command name, and rounds EXPIRETIME without wrapping', () => {
    const { replies } = run([
      [NOW, 'SET', 'k', 'v'],
      [NOW, 'PEXPIRE', 'k', '9223372036854775807'],
      [NOW, 'EXPIRE', 'k', '9223372036854775'],
      [NOW, 'EXPIREAT', 'k', '9223372036854776'],
      [NOW, 'SET', 'k', 'v', 'PX', '9223372036854775807'],
      [NOW, 'SETEX', 'k', '9223372036854775', 'v'],
      [NOW, 'PEXPIREAT', 'k', '9223372036854775807'],
      [NOW, 'EXPIRETIME', 'k'],
      [NOW, 'EXPIREAT', 'k', '-9223372036854775'],
      [NOW, 'EXISTS', 'k'],
    ]);
    expect(replies).toEqual([
      'OK',
      { error: "ERR invalid expire time in 'pexpire' command" },
      { error: "ERR invalid expire time in 'expire' command" },
      { error: "ERR invalid expire time in 'expireat' command" },
      { error: "ERR invalid expire time in 'set' command" },
      { error: "ERR invalid expire time in 'setex' command" },
      1,
      { int: '9223372036854776' },
      1,
      0,
    ]);
  });

  it('keeps ordinary values and deadlines plain numbers', () => {
    const { replies, data } = run([
      [NOW, 'SET', 'k', '41', 'PX', '5000'],
      [NOW, 'INCRBY', 'k', '1'],
      [NOW, 'PEXPIRETIME', 'k'],
      [NOW, 'EXPIRETIME', 'k'],
    ]);
    expect(replies).toEqual(['OK', 42, NOW + 5000, Math.floor((NOW + 5500) / 1000)]);
    expect(data.keys.k).toEqual({ type: 'string', value: '42', expireAt: NOW + 5000, ttlMs: 5000 });
  });
});
