import { involvedNodes } from './narration';
import type { PlaybackState } from './playback-store';
import type { Focus } from './ui-store';

/**
 * What the canvas points out for trace event `i`: the nodes its step involves (a delivery and
 * the command it ran are one step), the links its messages travelled on, and the step just
 * after it (the cursor the log seeks to).
 */
export function focusOf({ sim, scenario }: PlaybackState, i: number): Focus {
  const step = sim.trace.stepAt(i);
  const nodes = new Set<string>();
  const links = new Set<string>();
  const end = sim.trace.firstIndexOfStep(step + 1);
  for (let k = sim.trace.firstIndexOfStep(step); k < end; k++) {
    const ev = sim.trace.get(k);
    for (const n of involvedNodes(ev)) nodes.add(n);
    const x = ev as unknown as { from?: unknown; to?: unknown; edge?: unknown };
    const a = typeof x.from === 'string' ? x.from : null;
    const b = typeof x.to === 'string' ? x.to : a !== null ? ev.node : null;
    if (a && b) for (const e of scenario.edges) if ((e.source === a && e.target === b) || (e.source === b && e.target === a)) links.add(e.id);
    if (typeof x.edge === 'string') links.add(x.edge);
  }
  return { step: step + 1, t: sim.trace.timeAt(i), nodes: [...nodes], links: [...links] };
}
