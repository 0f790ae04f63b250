import { describe, expect, it } from 'vitest';
import { LIBRARY } from './library';
import { parseScenario } from './parse';
import { decodeShareHash, shareHash } from './share';
import { decodeShareHashLazy, isShareHash, shareIfLoaded } from './share-lazy';

describe('share links without fflate in the first load', () => {
  it('tell a share link from another hash, and decode nothing (fetch no codec) for one that is not', async () => {
    expect(isShareHash('#scenario=zk-lock')).toBe(false);
    expect(isShareHash('#s=abc&t=5')).toBe(true);
    expect(await decodeShareHashLazy('#scenario=zk-lock')).toBeNull();
    // Refused before inflating: the codec is not even fetched for these.
    expect(await decodeShareHashLazy(`#s=${'A'.repeat(16_001)}`)).toEqual({ ok: false, errors: [expect.stringMatching(/too long \(16001 characters; the limit is 16000\)/)] });
    expect(await decodeShareHashLazy('#s=not*base64')).toEqual({ ok: false, errors: [expect.stringMatching(/characters a share link never contains/)] });
    expect(shareIfLoaded()).toBeNull();
  });

  it('decode exactly as the synchronous codec does, good links and bad', async () => {
    const parsed = parseScenario(LIBRARY[0].scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const good = `#${shareHash(parsed.scenario, 1234.5)}`;
    for (const hash of [good, '#s=', '#s=AAAA', `${good}&t=-1`, good.slice(0, 40)]) {
      expect(await decodeShareHashLazy(hash)).toEqual(decodeShareHash(hash));
    }
    expect(shareIfLoaded()).not.toBeNull();
  });
});
