import { describe, expect, it } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { selectGuide, selectGuideFocus } from './guide';
import { createPlaybackStore } from './playback-store';
import { tryChange } from './try-change';

function store(id: string) {
  const entry = builtin(id)!;
  const parsed = parseScenario(entry.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return createPlaybackStore(parsed.scenario, entry);
}

/** Plays (as the rAF loop would) until playback halts; returns the guide's caption there. */
function playToHalt(s: ReturnType<typeof store>): string | null {
  s.getState().play();
  for (let k = 0; k < 10_000 && s.getState().playing; k++) s.getState().advance(50);
  return selectGuide(s.getState())?.caption ?? null;
}

describe('guided mode in the playback store', () => {
  it('halts at each moment of gc-pause-fencing in order, highlighting its node, then plays to the end', () => {
    const s = store('gc-pause-fencing');
    s.getState().setGuided(true);
    expect(s.getState().steps).toBe(0);
    const guide = builtin('gc-pause-fencing')!.guide!;
    const seen: string[] = [];
    for (let k = 0; k < guide.stops.length; k++) {
      seen.push(playToHalt(s)!);
      const stop = selectGuide(s.getState())!.stop!;
      expect(selectGuideFocus(s.getState(), stop.node)).toBe(true);
      expect(s.getState().steps).toBe(stop.step + 1);
    }
    expect(seen).toEqual(guide.stops.map((x) => guide.text.en[x.id]));
    // The violations are on guide stops: the guide's caption is shown, with the violation halt.
    expect(selectGuide(s.getState())!.done).toBe(true);
    playToHalt(s);
    expect(s.getState().finished).toBe(true);
  });

  it('off, playback runs past the moments (and stops only at violations)', () => {
    const s = store('gc-pause-fencing');
    s.getState().setPauseOnViolation(false);
    s.getState().play();
    for (let k = 0; k < 10_000 && s.getState().playing; k++) s.getState().advance(50);
    expect(s.getState().finished).toBe(true);
    expect(selectGuide(s.getState())).toBeNull();
  });

  it('a "try this" change is an edit that replays, guided again when the guide was on', async () => {
    const s = store('gc-pause-fencing');
    s.getState().setGuided(true);
    playToHalt(s);
    const shorter = builtin('gc-pause-fencing')!.tryThis.find((t) => t.text.startsWith('Shorten'))!;
    const r = await tryChange(s, shorter.change!, 0);
    expect(r.ok).toBe(true);
    expect(s.getState().scenario.interventions[0]).toMatchObject({ kind: 'pause', durationMs: 1500 });
    expect(s.getState().steps).toBe(0);
    expect(s.getState().guided).toBe(true);
    expect(s.getState().timeline.violations).toEqual([]);
    s.getState().undo();
    expect(s.getState().scenario.interventions[0]).toMatchObject({ durationMs: 3000 });
  });
});
