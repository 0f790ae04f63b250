import { lazyModule } from '../core/lazy-module';
import { payloadProblem, sharePayloadOf, type DecodeResult } from './share-link';

// Share links for the browser's first page load: the codec (./share.ts with fflate, ~10 KB
// gzipped) is fetched the first time a link is made or opened, not with the page.

type ShareModule = typeof import('./share');

const share = lazyModule<ShareModule>(() => import('./share'));

/** The share-link codec, fetched on first use; a failed fetch is forgotten so the next call retries. */
export const loadShare = share.load;

/** The codec if it has arrived already, so a caller can stay synchronous; else null. */
export const shareIfLoaded = share.now;

/** Whether a hash is a share link (has an `s=`), without decoding or loading anything. */
export function isShareHash(hash: string): boolean {
  return sharePayloadOf(hash) !== null;
}

/**
 * decodeShareHash (./share.ts) without fflate in the first load: null when the hash holds no
 * `s`, and the codec is fetched only for a payload that passes the checks made before
 * inflating. Never rejects: a codec that cannot be fetched is reported like a bad link.
 */
export async function decodeShareHashLazy(hash: string): Promise<DecodeResult | null> {
  const payload = sharePayloadOf(hash);
  if (payload === null) return null;
  const problem = payloadProblem(payload);
  if (problem) return { ok: false, errors: [problem] };
  try {
    return (await loadShare()).decodeShareHash(hash);
  } catch (e) {
    return { ok: false, errors: [`the code that reads links could not be loaded (${e instanceof Error ? e.message : String(e)})`] };
  }
}
