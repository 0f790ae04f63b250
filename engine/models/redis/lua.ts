import { I64_MIN, intReply, norm } from './int64';
import type { RedisReply } from '../../clients/redis/protocol';

// Lua 5.1 values as Redis 7.0's scripting sees them (lua_Number is a C double, numbers are read
// with glibc's strtod), for the TypeScript twins of the named scripts in scripts.ts.

/** What C's isspace() accepts in the "C" locale: strtod skips it before, Lua after a number. */
const C_SPACE = '[ \\t\\n\\v\\f\\r]*';
const TRIM = new RegExp(`^${C_SPACE}([^]*?)${C_SPACE}$`);
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const INF = /^[+-]?(inf|infinity)$/i;
const NAN = /^[+-]?nan(\([0-9A-Za-z_]*\))?$/i;

/** A hexadecimal float as glibc's strtod reads it: mantissa digits times a power of two. */
function hexFloat(sign: string, int: string, frac: string, exp: string | undefined): number {
  const m = BigInt(`0x${int}${frac}` === '0x' ? '0' : `0x${int}${frac}`);
  let e = (exp === undefined ? 0 : Number(exp)) - 4 * frac.length;
  // Number(m) rounds once, correctly; scaling by powers of two is exact until it over- or
  // underflows (a subnormal result may round twice: a boundary this model does not chase).
  let x = Number(m);
  while (e !== 0 && x !== 0 && Number.isFinite(x)) {
    const step = Math.max(-1000, Math.min(1000, e));
    x *= 2 ** step;
    e -= step;
  }
  return sign === '-' ? -x : x;
}

/**
 * Lua 5.1 `tonumber(s)` in Redis 7.0: `luaO_str2d`, which is glibc's strtod (decimal,
 * hexadecimal with an optional binary exponent, inf, infinity, nan, nan(...)) on the string up
 * to its first NUL, with C whitespace allowed around it and nothing else. Undefined for nil
 * (and for a non-string, non-number reply). NaN's sign is not kept ("-nan" reads as NaN).
 */
export function luaToNumber(v: RedisReply | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const nul = v.indexOf('\0');
  const s = TRIM.exec(nul < 0 ? v : v.slice(0, nul))![1];
  if (DECIMAL.test(s)) return Number(s);
  const h = HEX.exec(s);
  if (h !== null && (h[2] !== '' || (h[3] ?? '') !== '')) return hexFloat(h[1], h[2], h[3] ?? '', h[4]);
  if (INF.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return undefined;
}

/** Lua 5.1 `math.min(a, b)`: keeps `a` unless `b < a`, so a NaN second argument is passed over. */
export const luaMin = (a: number, b: number): number => (b < a ? b : a);

/** Lua 5.1 `math.max(a, b)`: keeps `a` unless `b > a`, so a NaN second argument is passed over. */
export const luaMax = (a: number, b: number): number => (b > a ? b : a);

/**
 * A Lua number as Redis 7.0 passes it to a command: C's `%.17g` ("0.1" -> "0.10000000000000001",
 * 2.5 -> "2.5", 1e20 -> "1e+20"). NaN prints as "nan" whatever its sign (see `luaToNumber`).
 */
export function fmtG17(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expStr] = n.toExponential(16).split('e');
  const x = Number(expStr);
  const strip = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (x < -4 || x >= 17) return `${strip(mant)}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  return strip(n.toFixed(16 - x));
}

/**
 * A Lua number returned to the client: `(long long)n`, truncated to an integer, exact however
 * large; out of range (and NaN) gives LLONG_MIN, what the x86 conversion yields.
 */
export function luaInt(n: number): RedisReply {
  // 2^63 is the first double past LLONG_MAX; -2^63 itself is LLONG_MIN.
  if (Number.isNaN(n) || n >= 9223372036854775808 || n < -9223372036854775808) return intReply(I64_MIN);
  const t = Math.trunc(n);
  return Number.isSafeInteger(t) ? t + 0 : intReply(norm(BigInt(t)));
}

/** A reply as a script sees it: Redis hands an integer reply to Lua as a number (a double). */
export function toLua(r: RedisReply): RedisReply {
  if (r === null || typeof r !== 'object') return r;
  if (Array.isArray(r)) return r.map(toLua);
  return 'int' in r ? Number(r.int) : r;
}

/** What the script returned, as the client gets it: Lua numbers become truncated integers. */
export function fromLua(r: RedisReply): RedisReply {
  if (typeof r === 'number') return luaInt(r);
  return Array.isArray(r) ? r.map(fromLua) : r;
}
