import { selectChain, selectSequence } from '@/stores/sequence';
import type { PlaybackState } from '@/stores/playback-store';
import type { UiState } from '@/stores/ui-store';
import { selectPointed } from '@/stores/ui-selectors';
import { lifelineOrder } from '@/stores/lifelines';
import type { CausalChain } from '@/engine/trace/causality';
import type { DiagramInput } from './draw';
import { IDLE_MIN_MS } from './time-scale';
import { rangeOf, type SeqView } from './view';
import type { TraceLog } from '@/engine/core/trace-log';

const chainSets = new WeakMap<CausalChain, ReadonlySet<number>>();

/** Every stretch between consecutive trace events long enough to squeeze: start, end, and the index of the event ending it. */
interface IdleIndex {
  read: number;
  last: number;
  gaps: number[];
}
const idleIndexes = new WeakMap<TraceLog, IdleIndex>();

/**
 * The stretches of `v0`..`v1` in which nothing happened before the cursor (`happened` events,
 * at `now`), read from the trace once and extended as it grows, so a frame of a long run does
 * not walk every event in view.
 */
function idleStretches(tr: TraceLog, happened: number, now: number, v0: number, v1: number): { t0: number; t1: number }[] {
  let ix = idleIndexes.get(tr);
  if (!ix || ix.read > tr.length) idleIndexes.set(tr, (ix = { read: 0, last: 0, gaps: [] }));
  for (let k = ix.read; k < tr.length; k++) {
    const t = tr.timeAt(k);
    if (t - ix.last >= IDLE_MIN_MS) ix.gaps.push(ix.last, t, k);
    ix.last = t;
  }
  ix.read = tr.length;
  const out: { t0: number; t1: number }[] = [];
  const g = ix.gaps;
  for (let j = 0; j < g.length; j += 3) {
    if (g[j + 2] >= happened) break;
    if (g[j + 1] > v0 && g[j] < v1) out.push({ t0: g[j], t1: g[j + 1] });
  }
  // From the last event that happened to the cursor, nothing has happened yet either.
  const lastT = happened > 0 ? tr.timeAt(happened - 1) : 0;
  if (now - lastT >= IDLE_MIN_MS && now > v0 && lastT < v1) out.push({ t0: lastT, t1: now });
  return out;
}

/** Whether the page is dark: its pinned theme (the embed's option), else the system's. */
export function pageIsDark(): boolean {
  const pinned = document.documentElement.dataset.theme;
  return pinned === 'dark' || (pinned !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

/** What to draw now, from the stores, the diagram's view and its size. */
export function diagramInput(pb: PlaybackState, ui: UiState, view: SeqView, size: { width: number; height: number }, dark: boolean, hover: number, hold?: number): DiagramInput {
  const { sim } = pb;
  const tr = sim.trace;
  const [v0, v1] = rangeOf(view, pb.time, pb.untilMs, hold);
  const happened = tr.firstIndexOfStep(pb.steps);
  const chain = selectChain(pb, ui.chainOf);
  let set: ReadonlySet<number> | null = null;
  if (chain) {
    set = chainSets.get(chain) ?? new Set(chain.events);
    chainSets.set(chain, set);
  }
  const order = lifelineOrder(sim.nodeIds, ui.lifelines);
  const pointed = selectPointed(ui);
  const node = ui.selection?.kind === 'node' ? sim.nodeIds.indexOf(ui.selection.id) : -1;
  return {
    data: selectSequence(pb),
    order,
    names: sim.nodeIds.map((id) => pb.labels[id] ?? id),
    now: pb.time,
    happened,
    v0,
    v1,
    width: size.width,
    height: size.height,
    dark,
    idle: idleStretches(tr, happened, pb.time, v0, v1),
    hover,
    focus: pointed ? { t: pointed.t, nodes: pointed.nodes } : null,
    node,
    chain: set,
    chainOf: chain ? chain.violation : null,
  };
}
