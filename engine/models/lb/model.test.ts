import { describe, expect, it } from 'vitest';
import type { ModelDef } from '../../core/types';
import { run, type Harness } from '../../testing/harness';
import { appModel } from '../app-service/model';
import type { HttpRes } from '../../clients/http/messages';
import { answersOf, httpCaller, type CallStep } from '../../testing/http';
import { linked } from '../../testing/peer';
import { lbModel, type LbState } from './model';
import { lbView } from './view';
import type { LbParams } from './params';

const MODELS = { app: appModel, lb: lbModel, tcaller: httpCaller } as unknown as Readonly<Record<string, ModelDef<never, unknown>>>;

function world(lb: LbParams, steps: CallStep[], apps = ['a1', 'a2']): Harness {
  const nodes = [
    { id: 'lb', type: 'lb', params: lb },
    ...apps.map((id) => ({ id, type: 'app', params: { auth: 'memory' } })),
    { id: 'u', type: 'tcaller', params: { target: 'lb', steps } },
  ];
  return run(linked(nodes, [['u', 'lb'], ...apps.map((a) => ['lb', a] as [string, string])]), MODELS);
}

const answers = (h: Harness): HttpRes[] => answersOf(h, 'u');
const view = (h: Harness) => lbView(h.sim.node('lb').state as LbState);

describe('load balancer', () => {
  it('round-robin: logins alternate over the linked apps, with X-Forwarded-For', () => {
    const steps: CallStep[] = [0, 100, 200, 300].map((at) => ({ at, op: 'login', user: 'x' }));
    const h = world({}, steps).runUntil(1000);
    expect(answers(h).map((r) => r.server)).toEqual(['a1', 'a2', 'a1', 'a2']);
    expect(answers(h).every((r) => r.affinity === undefined)).toBe(true);
    expect(h.events('app.handle').every((e) => e.origin === 'u')).toBe(true);
    expect(view(h).backends.map((b) => [b.id, b.up, b.sent])).toEqual([
      ['a1', true, 2],
      ['a2', true, 2],
    ]);
  });

  it('round-robin breaks in-memory sessions; sticky keeps a user on its server', () => {
    const steps: CallStep[] = [
      { at: 0, op: 'login', user: 'alice' },
      { at: 100, op: 'get', use: 0 },
      { at: 200, op: 'get', use: 0 },
    ];
    const rr = world({ policy: 'round-robin' }, steps).runUntil(1000);
    expect(answers(rr).map((r) => r.status)).toEqual([200, 401, 200]);
    const sticky = world({ policy: 'sticky' }, steps).runUntil(1000);
    expect(answers(sticky).map((r) => [r.status, r.server, r.affinity])).toEqual([
      [200, 'a1', 'a1'],
      [200, 'a1', 'a1'],
      [200, 'a1', 'a1'],
    ]);
  });

  it('a crashed backend: its host resets the connection, so it leaves the rotation at once (observe layer4); back after `rise` good checks', () => {
    const steps: CallStep[] = [
      { at: 0, op: 'login', user: 'alice' },
      { at: 1100, op: 'get', use: 0 },
      { at: 2500, op: 'login', user: 'bob' },
    ];
    const h = world({ policy: 'sticky', healthEveryMs: 500, fall: 2, rise: 2, timeoutMs: 300 }, steps)
      .at(1000)
      .crash('a1')
      .at(3000)
      .restart('a1')
      .runUntil(5000);
    // alice's next request goes to a2, which never saw her in-memory session.
    expect(answers(h).map((r) => [r.status, r.server ?? null])).toEqual([
      [200, 'a1'],
      [401, 'a2'],
      [200, 'a2'],
    ]);
    // Down when the reset arrives, one latency after the crash, not after `fall` missed checks.
    // Up: the checks of 3000 and 3500 are answered 10 ms later.
    expect(h.events('lb.backend').map((e) => [e.backend, e.up, Math.round(e.t)])).toEqual([
      ['a1', false, 1005],
      ['a1', true, 3510],
    ]);
    expect(h.sim.metrics['lb.timeouts'] ?? 0).toBe(0);
  });

  it('a request forwarded to a backend whose process dies is answered 502 at once, not after the timeout', () => {
    const h = world({ timeoutMs: 3000 }, [{ at: 996, op: 'login', user: 'alice' }], ['a1', 'a2']).at(1000).crash('a1').runUntil(2000);
    expect(answers(h).map((r) => [r.status, Math.round(h.events('net.deliver', 'u').at(-1)!.t)])).toEqual([[502, 1010]]);
    h.expectEvent('lb.fail', { backend: 'a1', status: 502 });
  });

  it('no backend up: 503 at once', () => {
    const h = world({ healthEveryMs: 100, fall: 1 }, [{ at: 500, op: 'login', user: 'alice' }], ['a1'])
      .at(0)
      .crash('a1')
      .runUntil(1000);
    expect(answers(h).map((r) => [r.status, r.reason])).toEqual([[503, 'no backend available']]);
    expect(view(h).backends[0].up).toBe(false);
  });

  it('named backends override the links', () => {
    const h = world({ backends: ['a2'] }, [0, 100].map((at) => ({ at, op: 'login' as const, user: 'x' }))).runUntil(500);
    expect(answers(h).map((r) => r.server)).toEqual(['a2', 'a2']);
  });
});
