import type { ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { buildDotFrame } from '@/components/canvas/message-canvas/dot-frame';
import { LinkCurves } from '@/components/canvas/message-canvas/link-curves';
import { parseScenario } from '@/engine/scenario/parse';
import { createPlaybackStore } from '@/stores/playback-store';
import { createUiStore } from '@/stores/ui-store';
import { bigScenario } from '../bench/big-scenario';

/** One Redis primary with its replicas and clients (20 nodes), played until its wire is busy. */
function busyWire() {
  const parsed = parseScenario(bigScenario(3000, 1));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const pb = createPlaybackStore(parsed.scenario);
  pb.getState().seek(2000);
  return { pb, scenario: parsed.scenario };
}

/** The parts of React Flow's state a frame reads: cards placed on a grid, all measured (the links' ends come from the scenario). */
function flowState(scenario: ReturnType<typeof busyWire>['scenario'], moved: Record<string, { x: number; y: number; width?: number }> = {}): ReactFlowState {
  const nodeLookup = new Map(
    scenario.nodes.map((n, i) => {
      const m = moved[n.id];
      const at = m ?? { x: (i % 5) * 300, y: Math.floor(i / 5) * 180 };
      return [n.id, { id: n.id, measured: { width: m?.width ?? 220, height: 96 }, internals: { positionAbsolute: { x: at.x, y: at.y } } }];
    }),
  );
  return { transform: [12, -30, 0.8], width: 1280, height: 800, nodeLookup } as unknown as ReactFlowState;
}

const opts = { dark: false, still: false, dpr: 2 };

describe('dot frame', () => {
  it('places the same dots with curves kept between frames as with curves computed afresh', () => {
    const { pb, scenario } = busyWire();
    const ui = createUiStore().getState();
    const links = new LinkCurves();
    const rf = flowState(scenario);
    const first = buildDotFrame(pb.getState(), rf, ui, opts, links);
    expect(first.drawn).toBeGreaterThan(20);
    expect(first).toEqual(buildDotFrame(pb.getState(), rf, ui, opts));

    // Later in the run, and after a card moved and another was resized: the kept curves follow.
    pb.getState().advance(180);
    expect(buildDotFrame(pb.getState(), rf, ui, opts, links)).toEqual(buildDotFrame(pb.getState(), rf, ui, opts));
    const moved = flowState(scenario, { p0: { x: 900, y: 700 }, p0r3: { x: 40, y: 20, width: 300 } });
    const after = buildDotFrame(pb.getState(), moved, ui, opts, links);
    expect(after).toEqual(buildDotFrame(pb.getState(), moved, ui, opts));
    expect(after.out).not.toEqual(buildDotFrame(pb.getState(), rf, ui, opts).out);
  });

  it('forgets the curve of a link whose card is no longer measured', () => {
    const { pb, scenario } = busyWire();
    const ui = createUiStore().getState();
    const links = new LinkCurves();
    const rf = flowState(scenario);
    buildDotFrame(pb.getState(), rf, ui, opts, links);
    (rf.nodeLookup.get('p0') as unknown as { measured: { width?: number } }).measured.width = undefined;
    const frame = buildDotFrame(pb.getState(), rf, ui, opts, links);
    expect(frame).toEqual(buildDotFrame(pb.getState(), rf, ui, opts));
    expect(frame.drawn).toBe(0);
  });
});
