import { err, ReplyError } from './keyspace';

// A blocking command's timeout in seconds, read exactly as Redis 7.0.15 reads it: strtold into an
// x87 long double (64-bit mantissa), `ceill(value * 1000.0)` in long double, then a cast to long
// long. Doubles round differently at the edges (-0.001 s is -1 ms in doubles, just above -1 in
// long double, so Redis blocks forever where a double would say "negative"), so the arithmetic is
// done on exact rationals. Only blocking commands pay for this.

const NOT_FLOAT = err('ERR timeout is not a float or out of range');
const NEGATIVE = err('ERR timeout is negative');

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
/** Past these exponents strtold overflows (ERANGE, refused) or underflows to zero (refused too). */
const MAX_EXP10 = 4933;
const MIN_EXP10 = -4952;
/** Binary exponent range of a long double's normal numbers, and its mantissa width. */
const LD_MAX_EXP = 16383;
const LD_BITS = 64n;

/** A positive rational rounded to a 64-bit mantissa, nearest-even: m * 2^e with 2^63 <= m < 2^64. */
function roundLd(num: bigint, den: bigint): { m: bigint; e: number } {
  // Scale so that the quotient has 65..66 significant bits, then round the last ones off.
  let e = num.toString(2).length - den.toString(2).length - Number(LD_BITS) - 1;
  const q = (n: bigint, d: bigint, sh: number) => (sh >= 0 ? n / (d << BigInt(sh)) : (n << BigInt(-sh)) / d);
  const rem = (n: bigint, d: bigint, sh: number) => (sh >= 0 ? n % (d << BigInt(sh)) : (n << BigInt(-sh)) % d);
  let m = q(num, den, e);
  while (m >= 1n << (LD_BITS + 1n)) {
    e++;
    m = q(num, den, e);
  }
  while (m < 1n << LD_BITS) {
    e--;
    m = q(num, den, e);
  }
  // m now has 65 bits: one guard bit below the mantissa, and a sticky remainder.
  const sticky = rem(num, den, e) !== 0n;
  const guard = m & 1n;
  m >>= 1n;
  e++;
  if (guard === 1n && (sticky || (m & 1n) === 1n)) m++;
  if (m === 1n << LD_BITS) {
    m >>= 1n;
    e++;
  }
  return { m, e };
}

/** The exact value of a strtold-accepted string as sign and rational, or 'inf'; null when Redis refuses it. */
function parse(s: string): { neg: boolean; num: bigint; den: bigint } | { neg: boolean; inf: true } | null {
  // getLongDoubleFromObject: non-empty, no leading space, the whole string consumed, not NaN.
  if (s.length === 0 || s.length > 5 * 1024 || /^\s/.test(s)) return null;
  const inf = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (inf) return { neg: inf[1] === '-', inf: true };
  const h = HEX.exec(s);
  if (h && (h[2] !== '' || (h[3] ?? '') !== '')) {
    const frac = h[3] ?? '';
    const exp = Number(h[4] ?? '0') - 4 * frac.length;
    if (exp > 4 * MAX_EXP10 || exp < 4 * MIN_EXP10) return null;
    const mant = BigInt(`0x${h[2]}${frac}`);
    return exp >= 0 ? { neg: h[1] === '-', num: mant << BigInt(exp), den: 1n } : { neg: h[1] === '-', num: mant, den: 1n << BigInt(-exp) };
  }
  const d = DECIMAL.exec(s);
  if (!d || (d[2] === '' && (d[3] ?? '') === '')) return null;
  const frac = d[3] ?? '';
  const exp = Number(d[4] ?? '0') - frac.length;
  const mant = BigInt(`${d[2]}${frac}` || '0');
  if (mant !== 0n && (exp + `${mant}`.length > MAX_EXP10 || exp + `${mant}`.length < MIN_EXP10)) return null;
  return exp >= 0 ? { neg: d[1] === '-', num: mant * 10n ** BigInt(exp), den: 1n } : { neg: d[1] === '-', num: mant, den: 10n ** BigInt(-exp) };
}

const LLONG_MIN = -(2n ** 63n);
const LLONG_LIMIT = 2n ** 63n;

/**
 * Milliseconds of a blocking timeout (seconds, fractional), as getTimeoutFromObjectOrReply:
 * 0 means block forever. Throws ReplyError: "timeout is not a float or out of range" for what
 * strtold refuses (or NaN), "timeout is negative" below zero (which includes infinities and
 * values past 2^63 ms, as the cast to long long gives LLONG_MIN there).
 */
export function blockingTimeoutMs(arg: string): bigint {
  const v = parse(arg);
  if (v === null) throw new ReplyError(NOT_FLOAT);
  let ms: bigint;
  if ('inf' in v || v.num === 0n) {
    ms = 'inf' in v ? LLONG_MIN : 0n;
  } else {
    const x = roundLd(v.num, v.den);
    const p = roundLd(x.m * 1000n, 1n);
    const e = x.e + p.e;
    if (e + Number(LD_BITS) - 1 > LD_MAX_EXP) ms = LLONG_MIN;
    else {
      // ceill of m * 2^e, with the sign applied first (ceil(-x) = -floor(x)).
      const whole = e >= 0 ? p.m << BigInt(e) : p.m >> BigInt(-e);
      const exact = e >= 0 || (p.m & ((1n << BigInt(-e)) - 1n)) === 0n;
      ms = v.neg ? -whole : exact ? whole : whole + 1n;
      if (ms >= LLONG_LIMIT || ms < LLONG_MIN) ms = LLONG_MIN;
    }
  }
  if (ms < 0n) throw new ReplyError(NEGATIVE);
  return ms;
}
