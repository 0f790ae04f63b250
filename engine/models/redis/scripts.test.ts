import { describe, expect, it } from 'vitest';
import type { RedisReply } from '../../clients/redis/protocol';
import { exec, type RedisData } from './commands';
import { luaMax, luaMin } from './lua';
import { commandLine, evalArgv } from '../../clients/redis/scripts';
import { fmtG17, luaInt, luaToNumber, SCRIPTS } from './scripts';

function run(steps: [number, ...string[]][], client = 'c1'): { replies: RedisReply[]; data: RedisData; published: unknown[] } {
  let data: RedisData = { keys: {} };
  const replies: RedisReply[] = [];
  const published: unknown[] = [];
  for (const [now, ...argv] of steps) {
    const r = exec(data, now, argv, { client });
    replies.push(r.reply);
    published.push(...(r.published ?? []));
    data = r.data;
  }
  return { replies, data, published };
}

describe('Lua number conversions', () => {
  it('formats numbers as C %.17g', () => {
    expect(fmtG17(0.1)).toBe('0.10000000000000001');
    expect(fmtG17(2.5)).toBe('2.5');
    expect(fmtG17(1e20)).toBe('1e+20');
    expect(fmtG17(1 / 3)).toBe('0.33333333333333331');
    expect(fmtG17(6)).toBe('6');
    expect(fmtG17(-4.9)).toBe('-4.9000000000000004');
    expect(fmtG17(1e-5)).toBe('1.0000000000000001e-05');
  });

  it('reads numbers as Lua 5.1 tonumber and truncates replies', () => {
    expect(luaToNumber(' 5 ')).toBe(5);
    expect(luaToNumber('0x10')).toBe(16);
    expect(luaToNumber('1e2')).toBe(100);
    expect(luaToNumber('abc')).toBeUndefined();
    expect(luaToNumber(null)).toBeUndefined();
    expect(luaToNumber('\t5\n')).toBe(5);
    expect(luaToNumber('\u00a05')).toBeUndefined(); // not C whitespace
    expect(luaToNumber('-0x10')).toBe(-16);
    expect(luaToNumber('0X1P4')).toBe(16);
    expect(luaToNumber('0x1.8p1')).toBe(3);
    expect(luaToNumber('0x.8')).toBe(0.5);
    expect(luaToNumber('0x123456789abcdef01')).toBe(20988295479420645000);
    for (const nil of ['0x', '0x1p', '0x.', '1e', '1e+', '- 5', '0b101', '1_0', '', ' ', 'infinit', 'nanx', '.']) expect(luaToNumber(nil)).toBeUndefined();
    expect(luaToNumber('-Infinity')).toBe(-Infinity);
    expect(luaToNumber('NaN(123)')).toBeNaN();
    expect(luaToNumber('1e400')).toBe(Infinity);
    expect(luaToNumber('5\u0000junk')).toBe(5); // a C string ends at NUL
    expect(luaInt(2.9)).toBe(2);
    expect(luaInt(-2.9)).toBe(-2);
    expect(luaInt(-0.5)).toBe(0);
    expect(luaInt(Infinity)).toEqual({ int: '-9223372036854775808' });
    expect(luaInt(NaN)).toEqual({ int: '-9223372036854775808' });
    // 2^63 is out of range (LLONG_MIN on x86); the largest double below it converts exactly.
    expect(luaInt(2 ** 63)).toEqual({ int: '-9223372036854775808' });
    expect(luaInt(2 ** 63 - 1024)).toEqual({ int: '9223372036854774784' });
    expect(luaInt(-(2 ** 63))).toEqual({ int: '-9223372036854775808' });
    expect(luaInt(2 ** 53 + 2)).toEqual({ int: '9007199254740994' });
  });
});

describe('lock scripts', () => {
  it('unlock deletes only with the right token; renew extends only with it', () => {
    const { replies } = run([
      [0, 'SET', 'lock', 'A', 'NX', 'PX', '1000'],
      [10, 'FCALL', 'unlock', '1', 'lock', 'B'],
      [10, 'FCALL', 'renew', '1', 'lock', 'B', '5000'],
      [10, 'FCALL', 'renew', '1', 'lock', 'A', '5000'],
      [10, 'PTTL', 'lock'],
      [20, 'FCALL', 'unlock', '1', 'lock', 'A'],
      [20, 'FCALL', 'unlock', '1', 'lock', 'A'],
    ]);
    expect(replies).toEqual(['OK', 0, 0, 1, 5000, 1, 0]);
  });

  it('rlock counts re-entries, answers others with the PTTL, and runlock publishes at zero', () => {
    const { replies, data, published } = run([
      [0, 'FCALL', 'rlock', '1', 'L', '30000', 'c1:1'],
      [0, 'FCALL', 'rlock', '1', 'L', '30000', 'c1:1'],
      [0, 'HGET', 'L', 'c1:1'],
      [100, 'FCALL', 'rlock', '1', 'L', '30000', 'c2:1'],
      [100, 'FCALL', 'runlock', '2', 'L', 'chan', '0', '30000', 'c2:1'],
      [100, 'FCALL', 'runlock', '2', 'L', 'chan', '0', '30000', 'c1:1'],
      [100, 'FCALL', 'runlock', '2', 'L', 'chan', '0', '30000', 'c1:1'],
      [100, 'FCALL', 'runlock', '2', 'L', 'chan', '0', '30000', 'c1:1'],
    ]);
    expect(replies).toEqual([null, null, '2', 29900, null, 0, 1, null]);
    expect(data.keys.L).toBeUndefined();
    expect(published).toEqual([{ channel: 'chan', message: '0', to: [] }]);
  });

  it('keeps writes made before a script error (no rollback)', () => {
    const { replies, data } = run([[0, 'FCALL', 'rlock', '1', 'L', 'abc', 'c1:1']]);
    expect(replies[0]).toEqual({ error: 'ERR value is not an integer or out of range script: rlock, on @user_script:1.' });
    expect(data.keys.L).toEqual({ type: 'hash', value: { 'c1:1': '1' }, expireAt: null });
  });
});

describe('EVAL, as clients send the scripts', () => {
  it('runs a known script by its exact source, with the same replies as FCALL', () => {
    const viaEval = run([
      [0, 'SET', 'lock', 'A'],
      [1, ...evalArgv('unlock', ['lock'], ['B'])],
      [2, ...evalArgv('unlock', ['lock'], ['A'])],
    ]);
    const viaFcall = run([
      [0, 'SET', 'lock', 'A'],
      [1, 'FCALL', 'unlock', '1', 'lock', 'B'],
      [2, 'FCALL', 'unlock', '1', 'lock', 'A'],
    ]);
    expect(viaEval.replies).toEqual(['OK', 0, 1]);
    expect(viaEval.replies).toEqual(viaFcall.replies);
    expect(evalArgv('unlock', ['lock'], ['A'])).toEqual(['EVAL', SCRIPTS.unlock.lua, '1', 'lock', 'A']);
  });

  it('refuses Lua it does not know, naming the scripts it runs', () => {
    const r = run([[0, 'EVAL', 'return 1', '0']]);
    expect(r.replies[0]).toEqual({ error: expect.stringMatching(/^ERR this model runs only its known scripts \(unlock, renew, rlock, runlock, rrenew/) });
    expect(run([[0, 'EVAL', SCRIPTS.unlock.lua, '2', 'k']]).replies[0]).toEqual({ error: "ERR Number of keys can't be greater than number of args" });
  });

  it('shows an EVAL of a known script by name in the log, other commands as they are', () => {
    expect(commandLine(evalArgv('rrenew', ['lock'], ['3000', 'c1:1']))).toBe('EVAL <rrenew.lua> 1 lock 3000 c1:1');
    expect(commandLine(['EVAL', 'return 1', '0'])).toBe('EVAL return 1 0');
    expect(commandLine(['SET', 'k', 'v'])).toBe('SET k v');
  });
});

describe('scg-token-bucket', () => {
  const bucket = (now: number, requested = 1) => ['FCALL', 'scg-token-bucket', '2', 't', 'ts', '1', '3', String(now), String(requested)];

  it('fills at rate per second up to capacity and sets TTL = floor(2 * capacity / rate)', () => {
    const { replies, data } = run([
      [0, ...bucket(1000)],
      [0, ...bucket(1000)],
      [0, ...bucket(1000)],
      [0, ...bucket(1000)],
      [0, 'TTL', 't'],
      [0, ...bucket(1001)],
      [0, ...bucket(5000, 3)],
    ] as [number, ...string[]][]);
    expect(replies).toEqual([[1, 2], [1, 1], [1, 0], [0, 0], 6, [1, 0], [1, 0]]);
    expect(data.keys.ts).toMatchObject({ value: '5000' });
  });

  it('keeps fractional tokens as %.17g strings', () => {
    const { replies, data } = run([[0, 'FCALL', 'scg-token-bucket', '2', 't', 'ts', '10', '5', '100', '0.1']]);
    expect(replies[0]).toEqual([1, 4]);
    expect(data.keys.t).toMatchObject({ value: '4.9000000000000004' });
  });

  it('keeps the Lua sources with the script names', () => {
    expect(Object.keys(SCRIPTS).sort()).toEqual(['renew', 'rlock', 'rrenew', 'runlock', 'scg-token-bucket', 'unlock']);
    for (const s of Object.values(SCRIPTS)) expect(s.lua).toContain('redis.call');
  });
});

describe('Lua math.min / math.max', () => {
  it('pass over a NaN second argument but keep a NaN first one, as Lua 5.1 does', () => {
    expect(luaMin(3, NaN)).toBe(3);
    expect(luaMax(0, NaN)).toBe(0);
    expect(luaMin(NaN, 3)).toBeNaN();
    expect(luaMin(3, 2)).toBe(2);
    expect(luaMax(3, 4)).toBe(4);
  });

  it('let the token bucket grant at rate inf with no time passed (0 * inf is NaN)', () => {
    const { replies, data } = run([[0, 'FCALL', 'scg-token-bucket', '2', 't', 's', 'inf', '3', '0', '1']]);
    expect(replies).toEqual([[1, 2]]);
    expect(data.keys).toEqual({}); // fill time 0: no SETEX
  });
});

describe('scripts: integers pass through Lua numbers', () => {
  it('rounds a huge PTTL to a double on its way through rlock, as real Redis does', () => {
    // 9e18 - 1 is not a double: Lua holds the PTTL as the nearest one (9e18), then truncates it back.
    const { replies } = run([
      [0, 'FCALL', 'rlock', '1', 'L', '9000000000000000000', 'c1:1'],
      [1, 'FCALL', 'rlock', '1', 'L', '30000', 'c2:1'],
      [1, 'PTTL', 'L'],
    ]);
    expect(replies).toEqual([null, { int: '9000000000000000000' }, { int: '8999999999999999999' }]);
  });
});
