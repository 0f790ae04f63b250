/** A fault or change the user schedules at a virtual time; recorded so a run replays exactly. */
export type Intervention =
  | { at: number; kind: 'crash'; node: string }
  | { at: number; kind: 'restart'; node: string }
  | { at: number; kind: 'pause'; node: string; durationMs: number }
  | { at: number; kind: 'skew'; node: string; deltaMs: number }
  | { at: number; kind: 'drift'; node: string; drift: number }
  | { at: number; kind: 'partition'; edge: string }
  | { at: number; kind: 'heal'; edge: string }
  | { at: number; kind: 'link'; edge: string; loss?: number; duplicate?: number; extraLatencyMs?: number };

export type InterventionKind = Intervention['kind'];

/** One line saying what an intervention does, for the timeline and the log. */
export function describeIntervention(iv: Intervention): string {
  switch (iv.kind) {
    case 'crash':
      return `crash ${iv.node}`;
    case 'restart':
      return `restart ${iv.node}`;
    case 'pause':
      return `pause ${iv.node} for ${iv.durationMs} ms`;
    case 'skew':
      return `skew ${iv.node}'s clock by ${iv.deltaMs > 0 ? '+' : ''}${iv.deltaMs} ms`;
    case 'drift':
      return `set ${iv.node}'s clock drift to ${iv.drift}`;
    case 'partition':
      return `cut link ${iv.edge}`;
    case 'heal':
      return `heal link ${iv.edge}`;
    case 'link': {
      const parts: string[] = [];
      if (iv.loss !== undefined) parts.push(`loss ${iv.loss}`);
      if (iv.duplicate !== undefined) parts.push(`duplicate ${iv.duplicate}`);
      if (iv.extraLatencyMs !== undefined) parts.push(`+${iv.extraLatencyMs} ms latency`);
      return `set link ${iv.edge}: ${parts.join(', ') || 'no change'}`;
    }
  }
}
