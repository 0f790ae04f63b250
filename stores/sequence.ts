import type { Say } from '@/engine/core/phrase';
import { p, type Phrase } from '@/engine/core/phrase';
import { describeMessage, narrate } from '@/engine/core/narrate';
import type { Simulation } from '@/engine/core/simulation';
import { causalChain, isAnchorType, type CausalChain } from '@/engine/trace/causality';
import { MsgEnd, readSequence, type SeqMessage, type SequenceData } from '@/engine/trace/sequence';
import type { PlaybackState } from './playback-store';
import type { Focus } from './ui-store';

// What the sequence diagram reads from the run: its messages, marks and spans, the causal
// chain of a violation and its sentences, and how a message is pointed out on the canvas.

const sequences = new WeakMap<Simulation, SequenceData>();

/**
 * The run's messages, marks and spans, read from the trace once and extended as it grows (the
 * look-ahead has usually read the whole run). The same object while the trace is unchanged.
 */
export function selectSequence(s: PlaybackState): SequenceData {
  const sim = s.sim;
  const prev = sequences.get(sim);
  if (prev && prev.read === sim.trace.length) return prev;
  const next = readSequence(sim.trace, sim.nodeIds, prev && prev.read <= sim.trace.length ? prev : undefined);
  sequences.set(sim, next);
  return next;
}

const chains = new WeakMap<Simulation, Map<number, CausalChain>>();

/** The causal chain of the violation at trace index `v` (cached per run), or null when there is no such violation. */
export function selectChain(s: PlaybackState, v: number | null): CausalChain | null {
  if (v === null || v < 0 || v >= s.sim.trace.length || s.sim.trace.typeAt(v) !== 'invariant.violation') return null;
  let m = chains.get(s.sim);
  if (!m) chains.set(s.sim, (m = new Map()));
  let c = m.get(v);
  if (!c) m.set(v, (c = causalChain(s.sim.trace, v)));
  return c;
}

/** One line of a chain's story: what happened, where and when, and where to seek to show it. */
export interface ChainSentence {
  key: string;
  /** Trace index of the (first) event. */
  i: number;
  t: number;
  /** The step to seek to: just after the event. */
  step: number;
  text: Say;
  /** A fault or timeout the chain goes back to, the violation, or an ordinary step. */
  tone: 'anchor' | 'violation' | 'plain';
  /** How many like events it stands for (a lock polled seven times is one line). */
  times: number;
}

/** Plumbing the story leaves out: timers firing and nodes starting say nothing the next event does not. */
const UNTOLD = new Set(['timer.fire', 'node.start', 'metric.note']);

/**
 * A violation's chain as sentences, oldest first: each event in the engine's own words, with
 * runs of the same kind of event on the same node (polls, retries) told once with a count.
 */
export function chainSentences(s: PlaybackState, chain: CausalChain): ChainSentence[] {
  const { sim, labels } = s;
  const anchors = new Set(chain.anchors);
  const out: ChainSentence[] = [];
  let lastKey = '';
  for (const i of chain.events) {
    const type = sim.trace.typeAt(i);
    if (UNTOLD.has(type)) continue;
    const ev = sim.trace.get(i);
    const tone = i === chain.violation || type === 'invariant.violation' ? 'violation' : anchors.has(i) || isAnchorType(type) ? 'anchor' : 'plain';
    // A delivery is told as what the receiver got; a run of them between the same pair collapses.
    const runKey = tone === 'plain' ? `${type}|${ev.node}|${ev.type === 'net.deliver' ? ev.from : ''}` : `#${i}`;
    const prev = out.at(-1);
    if (prev && runKey === lastKey) {
      prev.times += 1;
      continue;
    }
    lastKey = runKey;
    out.push({ key: `c${i}`, i, t: ev.t, step: ev.step, text: narrate(sim, ev, labels), tone, times: 1 });
  }
  return out;
}

/**
 * What the canvas and the log point out for message `m` once the cursor is just after the step
 * that sent it: both ends, the link between them, and its send time (the canvas rings the
 * messages sent then). The step is found from the sender's events at the send time.
 */
export function messageFocus(s: PlaybackState, m: SeqMessage): Focus {
  const { sim, scenario } = s;
  const from = sim.nodeIds[m.from];
  const to = sim.nodeIds[m.to];
  const step = sendStep(sim, m);
  const links = scenario.edges.filter((e) => (e.source === from && e.target === to) || (e.source === to && e.target === from)).map((e) => e.id);
  return { step: step + 1, t: m.sent, nodes: [from, to], links };
}

/** The step in which message `m` was sent: the sender's last step at its send time (before it ended). */
export function sendStep(sim: Simulation, m: SeqMessage): number {
  const tr = sim.trace;
  const from = sim.nodeIds[m.from];
  let k = Math.min(tr.firstIndexAfter(m.sent), m.i) - 1;
  while (k >= 0 && tr.nodeAt(k) !== from) k--;
  return k >= 0 ? tr.stepAt(k) : 0;
}

/** A message in words, for its tooltip and the list screen readers get. */
export function describeSeqMessage(s: PlaybackState, m: SeqMessage): Phrase {
  const { sim, labels } = s;
  const from = sim.nodeIds[m.from];
  const to = sim.nodeIds[m.to];
  const name = (id: string) => labels[id] ?? id;
  const ev = sim.trace.get(m.i) as { msg?: { type: string } };
  const what = ev.msg ? describeMessage(sim, ev.msg, from, to) : p('ui.sequence.aMessage');
  const how = m.kind === MsgEnd.Lost ? 'lost' : m.kind === MsgEnd.Refused ? 'refused' : m.stalled > 0 ? 'held' : 'none';
  return p('ui.sequence.describe', { from: name(from), to: name(to), what, how, ms: Math.round(m.stalled) });
}
