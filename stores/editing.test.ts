import { describe, expect, it } from 'vitest';
import { p } from '@/engine/core/phrase';
import { kindTitle } from '@/engine/models/kind';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import type { Scenario } from '@/engine/scenario/schema';
import { clientWarning } from './client-warning';
import { orientLink } from './connect-rules';
import { createPlaybackStore } from './playback-store';
import { selectCaption } from './selectors';
import { withLink, withNode, withoutElements } from './scenario-edits';

function scenario(id = 'redis-basics', patch: (s: Record<string, unknown>) => void = () => {}): Scenario {
  const input = structuredClone(builtin(id)!.scenario) as Record<string, unknown>;
  patch(input);
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const brokenLink = () =>
  scenario('redis-basics', (s) => {
    // A datagram link: a cut loses what is sent into it (a TCP link would only delay it).
    s.monitors = ['no-lost-messages'];
    for (const e of s.edges as { id: string; params?: object }[]) if (e.id === 'c1-redis') e.params = { ...e.params, transport: 'datagram' };
    s.interventions = [
      { at: 950, kind: 'partition', edge: 'c1-redis' },
      { at: 2000, kind: 'heal', edge: 'c1-redis' },
    ];
  });

describe('time travel', () => {
  it('steps back exactly one event', () => {
    const s = createPlaybackStore(scenario());
    for (let i = 0; i < 3; i++) s.getState().stepForward();
    const caption = selectCaption(s.getState()).map((e) => e.text);
    s.getState().stepForward();
    s.getState().stepBack();
    expect(s.getState().steps).toBe(3);
    expect(selectCaption(s.getState()).map((e) => e.text)).toEqual(caption);
  });

  it('knows the run’s violations before reaching them and pauses on one', () => {
    const s = createPlaybackStore(brokenLink());
    expect(s.getState().timeline.violations).toHaveLength(1);
    expect(s.getState().time).toBe(0);
    s.getState().play();
    s.getState().advance(3000);
    expect(s.getState()).toMatchObject({ playing: false, haltedAt: s.getState().timeline.violations[0].i });
    expect(s.getState().time).toBeCloseTo(993.6, 0);
    expect(selectCaption(s.getState()).at(-1)!.type).toBe('invariant.violation');
    s.getState().setPauseOnViolation(false);
    s.getState().advance(3000);
    expect(s.getState().time).toBeCloseTo(3993.6, 0);
  });
});

describe('interventions', () => {
  it('records a fault at the cursor, re-runs, and keeps the cursor', () => {
    const s = createPlaybackStore(scenario());
    s.getState().advance(600);
    const { result, dropped } = s.getState().intervene({ kind: 'crash', node: 'redis' });
    expect(result.ok).toBe(true);
    expect(dropped).toEqual([]);
    expect(s.getState().scenario.interventions).toEqual([{ at: 600, kind: 'crash', node: 'redis', by: 'user' }]);
    expect(s.getState().time).toBe(600);
    expect(s.getState().sim.node('redis').status).toBe('crashed');
  });

  it('a fault right after a stepped event lands after it, not before', () => {
    const s = createPlaybackStore(scenario());
    for (let i = 0; i < 3; i++) s.getState().stepForward(); // the SET ran on Redis at 51.7 ms
    s.getState().intervene({ kind: 'crash', node: 'redis' });
    expect(s.getState().scenario.interventions[0].at).toBeGreaterThan(51.7);
    // The SET the visitor saw still happened.
    const execs = s.getState().sim.trace.slice().filter((e) => e.type === 'redis.exec');
    expect(execs).toHaveLength(1);
  });

  it('adding one before later ones keeps them unless asked to drop them; dropped ones are set aside and can be restored', () => {
    const s = createPlaybackStore(brokenLink());
    s.getState().seek(500);
    const kept = s.getState().intervene({ kind: 'pause', node: 'c1', durationMs: 100 });
    expect(kept.dropped).toEqual([]);
    expect(s.getState().scenario.interventions.map((d) => d.kind)).toEqual(['partition', 'heal', 'pause']);
    expect(s.getState().timeline.violations).toHaveLength(1);

    s.getState().undo();
    const { dropped } = s.getState().intervene({ kind: 'pause', node: 'c1', durationMs: 100 }, { later: 'drop' });
    expect(dropped.map((d) => d.kind)).toEqual(['partition', 'heal']);
    expect(s.getState().scenario.interventions).toEqual([{ at: 500, kind: 'pause', node: 'c1', durationMs: 100, by: 'user' }]);
    expect(s.getState().scenario.dropped!.map((d) => d.kind)).toEqual(['partition', 'heal']);
    expect(s.getState().timeline.violations).toHaveLength(0);

    expect(s.getState().restoreDropped(0).ok).toBe(true);
    expect(s.getState().restoreDropped(0).ok).toBe(true);
    expect(s.getState().scenario.dropped).toEqual([]);
    expect(s.getState().timeline.violations).toHaveLength(1);
  });

  it('a fault at a time typed in the menu: earlier moves the cursor back to it, later leaves the cursor', () => {
    const s = createPlaybackStore(scenario());
    s.getState().seek(800);
    s.getState().intervene({ kind: 'crash', node: 'redis' }, { at: 1500 });
    expect(s.getState().time).toBe(800);
    expect(s.getState().sim.node('redis').status).toBe('up');
    s.getState().intervene({ kind: 'restart', node: 'redis' }, { at: 300 });
    expect(s.getState().time).toBe(300);
    expect(s.getState().scenario.interventions.map((d) => [d.at, d.kind])).toEqual([
      [1500, 'crash'],
      [300, 'restart'],
    ]);
  });

  it("removing the scenario's own fault sets it aside; removing the visitor's forgets it", () => {
    const s = createPlaybackStore(brokenLink());
    s.getState().seek(2500);
    s.getState().intervene({ kind: 'crash', node: 'redis' });
    expect(s.getState().removeIntervention(0).ok).toBe(true);
    expect(s.getState().scenario.dropped).toEqual([{ at: 950, kind: 'partition', edge: 'c1-redis' }]);
    expect(s.getState().removeIntervention(1).ok).toBe(true);
    expect(s.getState().scenario.interventions).toEqual([{ at: 2000, kind: 'heal', edge: 'c1-redis' }]);
    expect(s.getState().scenario.dropped).toHaveLength(1);
  });

  it('undo and redo move through scenarios and keep the cursor', () => {
    const s = createPlaybackStore(scenario());
    s.getState().advance(700);
    s.getState().intervene({ kind: 'crash', node: 'redis' });
    s.getState().undo();
    expect(s.getState().scenario.interventions).toEqual([]);
    expect(s.getState().time).toBe(700);
    expect(s.getState().sim.node('redis').status).toBe('up');
    s.getState().redo();
    expect(s.getState().scenario.interventions).toHaveLength(1);
  });

  it('refuses an invalid scenario and keeps the old one', () => {
    const s = createPlaybackStore(scenario());
    const before = s.getState().scenario;
    const bad = { ...before, nodes: before.nodes.map((n) => (n.id === 'redis' ? { ...n, params: { hz: 0 } } : n)) };
    const r = s.getState().apply(bad);
    expect(r).toEqual({ ok: false, errors: ['nodes[1].params.hz: expected an integer from 1 to 500'] });
    expect(s.getState().scenario).toBe(before);
  });
});

describe('editing rules', () => {
  it('links what the catalog allows, either way round, and says why not otherwise', () => {
    let s = scenario();
    s = withNode(s, 'zookeeper', { x: 0, y: 300 }).scenario;
    s = withNode(s, 'redis', { x: 400, y: 300 }).scenario;
    // Reasons are phrases (ui.panels-inspector.link-*), rendered in the reader's language.
    expect(orientLink(s, 'redis', 'zookeeper')).toEqual({
      ok: false,
      reason: p('ui.panels-inspector.link-wrongKindTalks', {
        a: kindTitle('redis'),
        b: kindTitle('zookeeper'),
        allowed: p('ui.panels-inspector.link-and', { first: p('ui.panels-inspector.link-comma', { a: kindTitle('client'), b: kindTitle('redis') }), last: kindTitle('sentinel') }),
      }),
    });
    expect(orientLink(s, 'redis', 'redis')).toMatchObject({ ok: false, reason: p('ui.panels-inspector.link-self') });
    expect(orientLink(s, 'c1', 'redis')).toMatchObject({ ok: false, reason: p('ui.panels-inspector.link-already', { a: 'client', b: 'redis' }) });
    expect(orientLink(s, 'redis', 'redis2')).toEqual({ ok: true, link: { source: 'redis', target: 'redis2' } });
    expect(orientLink(s, 'zookeeper', 'c1')).toEqual({ ok: true, link: { source: 'zookeeper', target: 'c1' } });
  });

  it('a client warns about what it is not linked to, and linking it retargets its program', () => {
    let s = scenario();
    s = withNode(s, 'client', { x: 0, y: 300 }).scenario;
    expect(clientWarning(s, 'client')).toEqual(p('ui.node.client.warnMissing', { what: kindTitle('redis') }));
    s = withoutElements(s, ['redis'], []);
    s = withNode(s, 'redis', { x: 400, y: 0 }).scenario; // a new Redis with the old id
    const linked = withLink(s, 'client', 'redis');
    if (!linked.ok) throw new Error(JSON.stringify(linked.reason));
    expect(clientWarning(linked.scenario, 'client')).toBeNull();
    expect(clientWarning(linked.scenario, 'c1')).toEqual(p('ui.node.client.warnMissing', { what: kindTitle('redis') }));
  });

  it('a ZooKeeper connect string is fine when every server it names is linked, and names the one that is not', () => {
    const r = parseScenario(builtin('zk-ensemble-failover')!.scenario);
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(clientWarning(r.scenario, 'c1')).toBeNull();
    const cut = { ...r.scenario, edges: r.scenario.edges.filter((e) => e.id !== 'c1-z2') };
    expect(clientWarning(cut, 'c1')).toEqual(p('ui.node.client.warnNotLinked', { target: 'z2' }));
  });
});
