import type { Jwt } from '../../clients/http/messages';

/**
 * JWTs reduced to what the lessons need: claims, a signature only the servers sharing the
 * secret can make, and the `exp` check each verifier does on its own clock. The "signature" is
 * a keyed FNV-1a hash, not HMAC: the point is that changing a claim breaks it.
 */

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const payload = (t: Omit<Jwt, 'sig'>) => `${t.typ}.${t.sub}.${t.jti}.${t.iat}.${t.exp}`;

/** Signs claims with `secret`. Times are whole ms of the issuer's clock. */
export function signJwt(claims: Omit<Jwt, 'sig'>, secret: string): Jwt {
  return { ...claims, sig: fnv1a(`${payload(claims)}.${secret}`) };
}

export type JwtCheck = { ok: true } | { ok: false; reason: 'bad signature' | 'token expired' | 'wrong token type'; lateMs?: number };

/**
 * Verifies a token as a resource server does: the signature, the type, then `exp` against the
 * verifier's own clock `now`. RFC 7519: the token must not be accepted on or after `exp`;
 * `leewayMs` tolerates clock skew between issuer and verifier (jjwt's allowedClockSkew,
 * Spring Security's JwtTimestampValidator, 60 s by default).
 */
export function verifyJwt(t: Jwt, typ: Jwt['typ'], secret: string, now: number, leewayMs: number): JwtCheck {
  if (fnv1a(`${payload(t)}.${secret}`) !== t.sig) return { ok: false, reason: 'bad signature' };
  if (t.typ !== typ) return { ok: false, reason: 'wrong token type' };
  if (now >= t.exp + leewayMs) return { ok: false, reason: 'token expired', lateMs: now - t.exp };
  return { ok: true };
}

/** A short random id ("s-3f9a0c1e") from the run's seeded generator. */
export function randomId(prefix: string, random: () => number): string {
  return `${prefix}-${Math.floor(random() * 0x100000000)
    .toString(16)
    .padStart(8, '0')}`;
}
