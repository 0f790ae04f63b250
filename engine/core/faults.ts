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

