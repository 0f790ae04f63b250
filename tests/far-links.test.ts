import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { curveDistance, curvesPath, linkNear, MARK, selectLinkMarks, splitLinks } from '@/components/canvas/far-links';
import type { LinkEdge } from '@/components/canvas/flow-types';
import { curvePath, edgeCurve, pointAlong } from '@/components/canvas/geometry';
import { parseScenario } from '@/engine/scenario/parse';
import { createPlaybackStore } from '@/stores/playback-store';
import { bigScenario } from '../bench/big-scenario';

const across = edgeCurve(0, 0, Position.Right, 400, 0, Position.Left);
const down = edgeCurve(200, -300, Position.Bottom, 200, 300, Position.Top);
const bent = edgeCurve(0, 100, Position.Right, 300, 400, Position.Left);

describe('far-link layer geometry', () => {
  it('measures how far a point is from a curve: on it, beside it, past its end', () => {
    for (const f of [0, 0.25, 0.5, 0.9, 1]) expect(curveDistance(bent, pointAlong(bent, f))).toBeLessThan(0.5);
    expect(curveDistance(across, { x: 200, y: 30 })).toBeCloseTo(30, 0);
    expect(curveDistance(across, { x: -40, y: 0 })).toBeCloseTo(40, 0);
  });

  it('finds the link nearest a press within the radius, and none farther off', () => {
    const links = [
      { id: 'across', curve: across },
      { id: 'down', curve: down },
      { id: 'bent', curve: bent },
    ];
    expect(linkNear(links, { x: 100, y: 3 }, 6)).toBe('across');
    expect(linkNear(links, { x: 204, y: 150 }, 6)).toBe('down');
    const onBent = pointAlong(bent, 0.3);
    expect(linkNear(links, { x: onBent.x + 2, y: onBent.y }, 6)).toBe('bent');
    // Where two cross, the nearer wins.
    expect(linkNear(links, { x: 190, y: 2 }, 6)).toBe('across');
    expect(linkNear(links, { x: 202, y: 5 }, 6)).toBe('down');
    expect(linkNear(links, { x: 100, y: 20 }, 6)).toBeNull();
    expect(linkNear(links, { x: 100, y: 20 }, 25)).toBe('across');
    expect(linkNear([], { x: 0, y: 0 }, 6)).toBeNull();
  });

  it('draws many curves as one path of the same curves', () => {
    expect(curvesPath([across, down])).toBe(curvePath(across) + curvePath(down));
    expect(curvesPath([])).toBe('');
  });

  it('gives React Flow only the links that show more than a line; the layer draws the rest, busy ones apart', () => {
    const link = (id: string, source = 'a', target = 'b'): LinkEdge => ({ id, type: 'link', source, target, data: { latency: '5 ms', unusual: false } });
    const edges = [link('plain'), link('busy'), link('cut'), link('chosen'), link('of-picked', 'p', 'x')];
    const marks = [MARK.plain, MARK.busy, MARK.own, MARK.plain, MARK.busy].join('');
    const split = splitLinks(edges, marks, (e) => e.id === 'chosen' || e.source === 'p');
    expect(split.own.map((e) => e.id)).toEqual(['cut', 'chosen', 'of-picked']);
    expect(split.plain.map((e) => e.id)).toEqual(['plain', 'busy']);
    expect(split.busy).toEqual([false, true]);
    // The very objects: React Flow re-renders none of those it keeps.
    expect(split.own[0]).toBe(edges[2]);
    expect(splitLinks(edges, MARK.plain.repeat(5), () => false).own).toEqual([]);
  });
});

describe('far-link marks', () => {
  function opened() {
    const parsed = parseScenario(bigScenario(3000, 1));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return { pb: createPlaybackStore(parsed.scenario), ids: parsed.scenario.edges.map((e) => e.id) };
  }

  it('marks idle links plain and links carrying messages busy', () => {
    const { pb, ids } = opened();
    expect(selectLinkMarks(pb.getState(), ids)).toBe(MARK.plain.repeat(ids.length));
    pb.getState().seek(2000);
    const s = pb.getState();
    const busy = new Set(s.inFlight.map((m) => m.link));
    expect(busy.size).toBeGreaterThan(0);
    expect(selectLinkMarks(s, ids)).toBe(ids.map((id) => (busy.has(id) ? MARK.busy : MARK.plain)).join(''));
  });

  it('gives a cut link its own edge (its label and dashes), busy or not', () => {
    const { pb, ids } = opened();
    const cut = ids[3];
    pb.getState().seek(500);
    expect(pb.getState().intervene({ kind: 'partition', edge: cut }).result.ok).toBe(true);
    const marks = selectLinkMarks(pb.getState(), ids);
    expect(marks[3]).toBe(MARK.own);
    expect(marks.split('').filter((m) => m === MARK.own)).toHaveLength(1);
  });
});
