import { describe, expect, test } from 'vitest';
import type { TraceEventOf } from '../core/trace-types';
import { buildSimulation } from '../scenario/build';
import { LIBRARY } from '../scenario/library';
import { scenarioOf } from '../testing/scenario';
import { causalChain } from './causality';

/**
 * What each built-in's description names as the cause of its violations, as a trace event type
 * (and node) that must be in every chain. A new built-in with violations must be added here.
 */
const NAMED_CAUSE: Record<string, { type: string; node?: string }> = {
  'redis-lock-unsafe-del': { type: 'fault.link' },
  'redis-lock-expiry': { type: 'redis.expire', node: 'redis' },
  'gc-pause-fencing': { type: 'fault.pause', node: 'c1' },
  'redis-failover-lock-loss': { type: 'fault.crash', node: 'primary' },
  'redlock-restart-without-persistence': { type: 'fault.crash', node: 'm3' },
  'redlock-gc-pause': { type: 'fault.pause', node: 'c1' },
  // The leader's REPLICAOF NO ONE makes the replica that never got c1's lock a primary.
  'redis-sentinel-failover-lock-loss': { type: 'redis.replicaof' },
  'config-watch': { type: 'zk.setData' },
  'session-store': { type: 'fault.crash', node: 'app1' },
  'idempotency-none': { type: 'fault.pause', node: 'payments' },
  'session-jwt': { type: 'user.leak' },
  'rate-limit-fixed-window': { type: 'limiter.decision' },
  'rate-limit-sentinel': { type: 'limiter.decision' },
  'rate-limit-showdown': { type: 'limiter.decision' },
  // The check listener's UNKNOWN answers, the consumer's failures, the shop being down.
  'transactional-message-unknown': { type: 'txp.check', node: 'pay' },
  'transactional-message-dlq': { type: 'mqc.fail', node: 'ship' },
  'best-effort-notification': { type: 'fault.crash', node: 'shop' },
  // The participant down at Try time, the cut link that delays the Try, the crash that loses Confirm's answer.
  'tcc-empty-rollback': { type: 'fault.crash', node: 'pay' },
  'tcc-hanging': { type: 'fault.partition' },
  'tcc-duplicate-confirm': { type: 'fault.crash', node: 'pay' },
  // Bob's shop spends the credit.
  'saga-isolation': { type: 'saga.action', node: 'recv' },
  // The DBA finding tm-3 in doubt and committing it by hand (the XA COMMIT follows its XA RECOVER).
  'xa-heuristic': { type: 'dba.recover', node: 'dba' },
  'local-message-table-no-inbox': { type: 'fault.crash', node: 'relay' },
};

function runOf(id: string) {
  const s = scenarioOf(id);
  const sim = buildSimulation(s);
  sim.runUntil(s.playback.untilMs);
  return sim;
}

describe('causal chain of every built-in violation', () => {
  for (const b of LIBRARY) {
    test(b.id, () => {
      const sim = runOf(b.id);
      const tr = sim.trace;
      const violations: number[] = [];
      for (let i = 0; i < tr.length; i++) if (tr.typeAt(i) === 'invariant.violation') violations.push(i);
      if (violations.length === 0) return;
      const named = NAMED_CAUSE[b.id];
      expect(named, `${b.id} has violations: name the cause its description gives in NAMED_CAUSE`).toBeDefined();
      // Who exchanged a message with whom, over the whole run.
      const talked = new Map<string, Set<string>>();
      const note = (a: string, c: string) => {
        if (!talked.has(a)) talked.set(a, new Set());
        talked.get(a)!.add(c);
      };
      for (let i = 0; i < tr.length; i++) {
        if (tr.typeAt(i) !== 'net.deliver') continue;
        const e = tr.get(i) as TraceEventOf<'net.deliver'>;
        note(e.from, e.node);
        note(e.node, e.from);
      }
      for (const v of violations) {
        const chain = causalChain(tr, v);
        const ev = tr.get(v) as TraceEventOf<'invariant.violation'>;
        expect(chain.events.at(-1)).toBe(v);
        const hit = chain.events.some((i) => tr.typeAt(i) === named.type && (named.node === undefined || tr.nodeAt(i) === named.node));
        expect(hit, `${b.id} at ${ev.t} ms: the chain lacks ${named.type}; it holds ${chain.events.map((i) => tr.typeAt(i)).join(', ')}`).toBe(true);
        // The violation's nodes, the node it blames and the node of the event it names as its cause.
        const involved = new Set([...ev.nodes, ...(ev.causeNode ? [ev.causeNode] : []), ...(ev.cause !== undefined ? [tr.nodeAt(ev.cause)] : [])]);
        for (const i of chain.events) {
          const n = tr.nodeAt(i);
          const near = involved.has(n) || [...involved].some((x) => talked.get(x)?.has(n));
          expect(near, `${b.id}: chain event ${tr.typeAt(i)} on ${n}, which never talked to ${[...involved].join(', ')}`).toBe(true);
        }
      }
    });
  }
});

test('a node that only shares a relay with the violating ones stays out of the chain', () => {
  // session-store: bob and dave talk to the load balancer too, but never to alice or the app servers.
  const sim = runOf('session-store');
  const tr = sim.trace;
  let v = -1;
  for (let i = 0; i < tr.length && v < 0; i++) if (tr.typeAt(i) === 'invariant.violation') v = i;
  const chain = causalChain(tr, v);
  const nodes = new Set(chain.events.map((i) => tr.nodeAt(i)));
  expect(nodes.has('lb')).toBe(true);
  expect(nodes.has('bob')).toBe(false);
});

test('the chain is the same for the same trace', () => {
  const a = runOf('gc-pause-fencing');
  const b = runOf('gc-pause-fencing');
  const first = (s: typeof a) => {
    for (let i = 0; i < s.trace.length; i++) if (s.trace.typeAt(i) === 'invariant.violation') return causalChain(s.trace, i);
    throw new Error('no violation');
  };
  expect(first(a)).toEqual(first(b));
});
