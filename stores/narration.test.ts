import { inEnglish } from '@/engine/i18n/english';
import { describe, expect, it } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { wireMessages, type WireMessage } from './narration';
import { createPlaybackStore } from './playback-store';

function store(id: string) {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return createPlaybackStore(parsed.scenario);
}

const plain = (list: readonly WireMessage[]) => list.map(({ from, to, link, sentAt, arriveAt, msg, lost, seq, text }) => ({ from, to, link, sentAt, arriveAt, msg, lost, seq, text: inEnglish(text) }));

describe('the messages on the wire', () => {
  it('keep their objects while they fly, and read as a list made afresh', () => {
    const s = store('zk-basics');
    let kept = 0;
    let made = 0;
    for (let t = 500; t <= 6000; t += 7) {
      const before = s.getState().inFlight;
      s.getState().seek(t);
      const now = s.getState().inFlight;
      const sim = s.getState().sim;
      expect(plain(now)).toEqual(plain(wireMessages(sim)));
      for (const m of now) {
        const old = before.find((b) => b.seq === m.seq);
        if (old && old.arriveAt === m.arriveAt) {
          expect(m).toBe(old);
          kept++;
        } else made++;
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(made).toBeGreaterThan(0);
  });

  it('are made afresh for another simulation', () => {
    const s = store('zk-basics');
    s.getState().seek(3000);
    const before = s.getState().inFlight;
    expect(before.length).toBeGreaterThan(0);
    const other = store('zk-basics');
    other.getState().seek(3000);
    const list = wireMessages(other.getState().sim, before);
    expect(plain(list)).toEqual(plain(before));
    for (const m of list) expect(before).not.toContain(m);
  });
});
