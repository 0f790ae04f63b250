import { describe, expect, it } from 'vitest';
import { fromScenario } from '../../testing/scenario';

const decisions = (h: ReturnType<typeof fromScenario>, node: string) => h.events('limiter.decision').filter((e) => e.node === node);
const passed = (h: ReturnType<typeof fromScenario>, node: string) => decisions(h, node).filter((e) => e.allowed).length;

describe('rate-limiting scenarios', () => {
  it('rate-limit-fixed-window: the boundary burst gets 2 × limit through, and the rate bound says so', () => {
    const h = fromScenario('rate-limit-fixed-window').runToEnd();
    // Each burst: 10 in the 100 ms before a boundary, 10 in the 100 ms after: all 20 pass.
    expect(decisions(h, 'fixed').filter((e) => e.t < 1200).map((e) => e.allowed)).toEqual(Array(20).fill(true));
    const v = h.expectViolation('rate-bound', { nodes: ['fixed', 'burst'] });
    expect(v.message).toMatch(/10 between 905 ms and 995 ms, before the boundary at 1000 ms/);
  });

  it('rate-limit-fixed-window with a sliding log instead: the second half is refused, no violation', () => {
    const h = fromScenario('rate-limit-fixed-window', { params: { fixed: { algorithm: { kind: 'sliding-log', limit: 10, windowMs: 1000 } } } }).runToEnd();
    expect(decisions(h, 'fixed').filter((e) => e.t < 1200).map((e) => e.allowed)).toEqual([...Array(10).fill(true), ...Array(10).fill(false)]);
    h.expectNoViolation();
  });

  it('rate-limit-sliding-window: neither the log nor the weighted counter breaks the bound', () => {
    const h = fromScenario('rate-limit-sliding-window').runToEnd();
    h.expectNoViolation();
    expect(passed(h, 'log')).toBe(20);
  });

  it('rate-limit-leaky-bucket: the queue paces what the meter refuses', () => {
    const h = fromScenario('rate-limit-leaky-bucket').runToEnd();
    const q = decisions(h, 'queue');
    expect(q.some((e) => e.allowed && e.waitMs > 0)).toBe(true);
    expect(Math.max(...q.map((e) => e.waitMs))).toBeLessThanOrEqual(1000);
    expect(decisions(h, 'meter').some((e) => !e.allowed)).toBe(true);
    // Released requests leave at least 200 ms apart (5/s).
    const out = [...q.filter((e) => e.allowed).map((e) => e.t + e.waitMs)].sort((a, b) => a - b);
    for (let i = 1; i < out.length; i++) expect(out[i] - out[i - 1]).toBeGreaterThanOrEqual(200 - 1e-6);
  });

  it('rate-limit-token-bucket: each user has a bucket of their own', () => {
    const h = fromScenario('rate-limit-token-bucket').runToEnd();
    expect(new Set(decisions(h, 'bucket').map((e) => e.key))).toEqual(new Set(['alice', 'bob']));
    expect(decisions(h, 'bucket').some((e) => e.key === 'alice' && !e.allowed)).toBe(true);
  });

  it('rate-limit-guava: acquire() never refuses; tryAcquire(0) refuses what would wait', () => {
    const h = fromScenario('rate-limit-guava').runToEnd();
    expect(decisions(h, 'bursty-acquire').every((e) => e.allowed)).toBe(true);
    expect(decisions(h, 'warm-acquire').some((e) => e.waitMs > 200)).toBe(true); // cold: up to 3 × 200 ms
    const tried = decisions(h, 'bursty-try');
    expect(tried.some((e) => !e.allowed)).toBe(true);
    expect(tried.every((e) => e.waitMs === 0)).toBe(true);
  });

  it('rate-limit-gateway: two gateways drain one bucket; with Redis down they fail open', () => {
    const h = fromScenario('rate-limit-gateway').runToEnd();
    const before = h.events('limiter.decision').filter((e) => e.t < 4000);
    expect(new Set(before.filter((e) => !e.allowed).map((e) => e.node))).toEqual(new Set(['gw1', 'gw2']));
    const down = h.events('limiter.fail-open');
    expect(down.length).toBeGreaterThan(5);
    expect(down.every((e) => e.t >= 4000 && e.t < 6600)).toBe(true);
  });

  it('rate-limit-gateway: the script reads Redis\'s clock (TIME), so a gateway\'s skewed clock changes nothing and a jump of Redis\'s refills the bucket', () => {
    const base = fromScenario('rate-limit-gateway').runToEnd();
    // Before Redis goes down at 4 s: what the bucket decides (the outage's fail-open times follow each gateway's own timers).
    const verdicts = (h: typeof base) => h.events('limiter.decision').filter((e) => e.t < 4000).map((e) => `${e.node}#${e.id}:${e.allowed}`);
    const gwSkew = fromScenario('rate-limit-gateway', { interventions: [{ at: 1000, kind: 'skew', node: 'gw1', deltaMs: -3000 }] }).runToEnd();
    expect(verdicts(gwSkew)).toEqual(verdicts(base));
    // Redis's clock jumps 5 s ahead: the script sees 5 s of refill at once, a full bucket (capped at burstCapacity).
    const redisSkew = fromScenario('rate-limit-gateway', { interventions: [{ at: 2000, kind: 'skew', node: 'redis', deltaMs: 5000 }] }).runToEnd();
    const passedSoonAfter = (h: typeof base) => h.events('limiter.decision').filter((e) => e.t >= 2000 && e.t < 3000 && e.allowed).length;
    expect(passedSoonAfter(redisSkew)).toBeGreaterThanOrEqual(passedSoonAfter(base) + 5);
  });

  it('rate-limit-sentinel: throttling never waits over 500 ms; warm-up starts at about count / coldFactor', () => {
    const h = fromScenario('rate-limit-sentinel').runToEnd();
    expect(Math.max(...decisions(h, 'throttle').map((e) => e.waitMs))).toBeLessThanOrEqual(500);
    const warmFirstSecond = decisions(h, 'warmup').filter((e) => e.t >= 1000 && e.t < 2000 && e.allowed).length;
    expect(warmFirstSecond).toBeLessThanOrEqual(4);
  });

  it('rate-limit-showdown: every limiter judges the very same arrivals; only the fixed window breaks the bound', () => {
    const h = fromScenario('rate-limit-showdown').runToEnd();
    const arrivals = (n: string) => decisions(h, n).map((e) => `${e.client}#${e.id}`);
    for (const n of ['log', 'slots', 'leaky', 'tokens', 'guava']) expect(arrivals(n)).toEqual(arrivals('fixed'));
    expect(new Set(h.violations.map((v) => v.nodes[0]))).toEqual(new Set(['fixed']));
    expect(passed(h, 'fixed')).toBeGreaterThan(passed(h, 'log'));
  });

  it('rate-limit-showdown: a bigger burst is refused more', () => {
    const small = fromScenario('rate-limit-showdown').runToEnd();
    const big = fromScenario('rate-limit-showdown', { clients: ['burst'], program: { shape: { type: 'boundary', perSide: 15, spreadMs: 150, firstBoundaryMs: 2000, everyMs: 2000 } } }).runToEnd();
    const refused = (h: typeof small) => h.events('limiter.decision').filter((e) => !e.allowed).length;
    expect(refused(big)).toBeGreaterThan(refused(small));
  });
});
