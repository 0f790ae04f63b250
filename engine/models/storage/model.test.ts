import { describe, expect, it } from 'vitest';
import type { ModelDef } from '../../core/types';
import type { SimSpec } from '../../core/simulation';
import { run } from '../../testing/harness';
import { peer, peerNode, type PeerState, type RawStep } from '../../testing/peer';
import type { StorageMsg } from '../../clients/storage/messages';
import { storageModel } from './model';
import { storageView } from './view';

const models = { storage: storageModel, peer } as unknown as Record<string, ModelDef<never, unknown>>;

function spec(fencing: boolean, a: RawStep[], b: RawStep[]): SimSpec {
  return {
    seed: 1,
    nodes: [
      { id: 'storage', type: 'storage', params: { fencing } },
      peerNode('a', 'storage', a),
      peerNode('b', 'storage', b),
    ],
    links: [
      { id: 'a-s', source: 'a', target: 'storage', params: { latency: { kind: 'fixed', ms: 10 } } },
      { id: 'b-s', source: 'b', target: 'storage', params: { latency: { kind: 'fixed', ms: 10 } } },
    ],
  };
}

// a holds token 1, is overtaken by b with token 2, then writes late.
const stale = [
  { at: 0, msg: { type: 'storage.enter', section: 'a#1', token: 1 } as StorageMsg },
  { at: 500, msg: { type: 'storage.write', section: 'a#1', token: 1, value: 'from a', last: true } as StorageMsg },
];
const fresh = [
  { at: 100, msg: { type: 'storage.enter', section: 'b#1', token: 2 } as StorageMsg },
  { at: 200, msg: { type: 'storage.write', section: 'b#1', token: 2, value: 'from b', last: true } as StorageMsg },
];

describe('storage', () => {
  it('without fencing accepts a stale token and keeps the last write', () => {
    const h = run(spec(false, stale, fresh), models).runUntil(1000);
    expect(h.events('storage.write').map((e) => [e.client, e.token])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(h.events('storage.reject')).toHaveLength(0);
    const s = h.stateOf('storage', 'storage');
    expect(s.value).toBe('from a');
    expect(storageView(s).open).toEqual([]);
  });

  it('with fencing fences off the older section and refuses its write', () => {
    const h = run(spec(true, stale, fresh), models).runUntil(1000);
    const fence = h.events('storage.fence');
    expect(fence).toHaveLength(1);
    expect(fence[0].fenced).toEqual([{ section: 'a#1', client: 'a', token: 1 }]);
    const rej = h.events('storage.reject');
    expect(rej.map((e) => [e.client, e.op, e.token, e.maxToken])).toEqual([['a', 'write', 1, 2]]);
    const acks = (h.sim.node('a').state as PeerState<RawStep>).got.map((g) => g.msg);
    expect(acks[1]).toMatchObject({ op: 'write', ok: false });
    const s = h.stateOf('storage', 'storage');
    expect(s.value).toBe('from b');
    expect(s.maxToken).toBe(2);
    expect(s.rejects).toBe(1);
  });

  it('accepts requests without a token even with fencing on, and leave closes a section', () => {
    const a = [
      { at: 0, msg: { type: 'storage.enter', section: 'a#1' } as StorageMsg },
      { at: 50, msg: { type: 'storage.leave', section: 'a#1', reason: 'lost the lock' } as StorageMsg },
    ];
    const h = run(spec(true, a, []), models).runUntil(1000);
    expect(h.events('storage.enter')).toHaveLength(1);
    expect(h.events('storage.leave')[0].reason).toBe('lost the lock');
    expect(Object.keys(h.stateOf('storage', 'storage').open)).toEqual([]);
  });

  it('keeps its data across a crash', () => {
    const h = run(spec(true, stale, fresh), models).at(300).crash('storage').at(400).restart('storage').runUntil(1000);
    expect(h.stateOf('storage', 'storage').maxToken).toBe(2);
    expect(h.events('storage.reject')).toHaveLength(1);
  });
});
