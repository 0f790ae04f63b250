import { z } from 'zod';
import type { PlaybackState } from './playback-store';
import type { UiState } from './ui-store';

// What a link says about the sequence diagram, beside the run itself: whether it is open
// (`view=sequence`, or `both` in an embed: canvas and diagram) and which violation's causal
// chain it shows (`v=2`: the run's second violation, counted from 1, so the link does not
// depend on trace indexes).

/** The views a link may ask for: the canvas alone, the diagram alone (a phone) or both. */
export const VIEWS = ['canvas', 'sequence', 'both'] as const;
export type SeqViewName = (typeof VIEWS)[number];

const quote = (raw: string) => `"${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw}"`;

const viewSchema = z.enum(VIEWS);
const violationSchema = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1));

/** The diagram's part of a link. */
export interface SequenceLink {
  view: SeqViewName | null;
  /** Which violation (1 = the run's first), or null. */
  violation: number | null;
}

/**
 * Reads `view` and `v` from a hash or query (with or without its `#`/`?`). A bad value is
 * named in `problems` and ignored; the rest of the link still applies.
 */
export function parseSequenceLink(hash: string): { link: SequenceLink; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^[#?]/, ''));
  const problems: string[] = [];
  const link: SequenceLink = { view: null, violation: null };
  const view = params.get('view');
  if (view !== null) {
    const r = viewSchema.safeParse(view);
    if (r.success) link.view = r.data;
    else problems.push(`view: expected ${VIEWS.join(', ')}, got ${quote(view)}`);
  }
  const v = params.get('v');
  if (v !== null) {
    const r = violationSchema.safeParse(v);
    if (r.success) link.violation = r.data;
    else problems.push(`v: expected the number of a violation (1 for the first), got ${quote(v)}`);
  }
  return { link, problems };
}

/** The `&view=…&v=…` a share link adds for the diagram's state (empty when it is closed). */
export function sequenceLinkParams(ui: Pick<UiState, 'sequenceOpen' | 'chainOf'>, pb: Pick<PlaybackState, 'timeline'>): string {
  if (!ui.sequenceOpen) return '';
  const n = ui.chainOf === null ? -1 : pb.timeline.violations.findIndex((x) => x.i === ui.chainOf);
  return `&view=sequence${n >= 0 ? `&v=${n + 1}` : ''}`;
}

/**
 * Applies a link's diagram state to the player: opens the diagram and shows the chain of the
 * violation it names. Returns what could not be applied (a violation the run does not have).
 */
export function applySequenceLink(link: SequenceLink, pb: PlaybackState, ui: UiState): string[] {
  if (link.view === 'sequence' || link.view === 'both') ui.setSequenceOpen(true);
  if (link.violation === null) return [];
  const v = pb.timeline.violations[link.violation - 1];
  if (!v) return [`v: this run has ${pb.timeline.violations.length === 0 ? 'no violations' : `${pb.timeline.violations.length} violation${pb.timeline.violations.length > 1 ? 's' : ''}`}, not a number ${link.violation}`];
  ui.setChainOf(v.i);
  return [];
}
