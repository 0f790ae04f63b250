import { selectChain, selectSequence } from '@/stores/sequence';
import type { PlaybackState } from '@/stores/playback-store';
import type { UiState } from '@/stores/ui-store';
import type { CausalChain } from '@/engine/trace/causality';
import type { DiagramInput } from './draw';
import { rangeOf, type SeqView } from './view';

const chainSets = new WeakMap<CausalChain, ReadonlySet<number>>();

/** Whether the page is dark: its pinned theme (the embed's option), else the system's. */
export function pageIsDark(): boolean {
  const pinned = document.documentElement.dataset.theme;
  return pinned === 'dark' || (pinned !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

/** What to draw now, from the stores, the diagram's view and its size. */
export function diagramInput(pb: PlaybackState, ui: UiState, view: SeqView, size: { width: number; height: number }, dark: boolean, hover: number, selected = -1): DiagramInput {
  const { sim } = pb;
  const tr = sim.trace;
  const [v0, v1] = rangeOf(view, pb.time, pb.untilMs);
  const happened = tr.firstIndexOfStep(pb.steps);
  const chain = selectChain(pb, ui.chainOf);
  let set: ReadonlySet<number> | null = null;
  if (chain) {
    set = chainSets.get(chain) ?? new Set(chain.events);
    chainSets.set(chain, set);
  }
  const order = sim.nodeIds.map((_, k) => k);
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
    times: { from: tr.firstIndexAfter(v0), to: Math.min(happened, tr.firstIndexAfter(v1)), at: (k) => tr.timeAt(k) },
    hover,
    selected,
    focus: ui.focus ? { t: ui.focus.t, nodes: ui.focus.nodes } : null,
    node,
    chain: set,
    chainOf: chain ? chain.violation : null,
  };
}
