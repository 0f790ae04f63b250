import { inEnglish } from '@/engine/i18n/english';
import { describe, expect, it } from 'vitest';
import { builtin } from '@/engine/scenario/library';
import { parseScenario } from '@/engine/scenario/parse';
import { selectLastReceived } from './last-received';
import { createPlaybackStore } from './playback-store';

function store(id: string) {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return createPlaybackStore(parsed.scenario);
}

describe('the last message a node received', () => {
  it('is the latest delivery before the cursor, heartbeats aside, and follows the cursor back', () => {
    const s = store('zk-basics');
    s.getState().seek(9000);
    // The observer keeps pinging, yet its card still says it was told the worker left.
    const last = selectLastReceived(s.getState(), 'observer')!;
    expect(inEnglish(last.text)).toBe('watch: NodeChildrenChanged /workers');
    expect(last.from).toBe('zk');
    expect(last.t).toBeGreaterThan(8000);
    expect(selectLastReceived(s.getState(), 'observer')).toBe(last);
    s.getState().seek(1000);
    expect(selectLastReceived(s.getState(), 'observer')!.t).toBeLessThan(1000);
    s.getState().restart();
    expect(selectLastReceived(s.getState(), 'observer')).toBeNull();
  });
});
