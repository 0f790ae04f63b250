import type { LogGroup } from '../core/manifest';
import type { ProgramDef } from '../core/program';
import { p, type Phrase } from '../core/phrase';

/**
 * What is known about a client program before its code is loaded: enough to warn about a
 * missing link and group its events in the log (its parameter schema is apart, in
 * ./params-catalog.ts). One per program (./<kind>/index.ts); `load` fetches the behaviour,
 * which engine/registry calls the first time a scenario runs the program.
 */
export interface ProgramManifest<K extends string = string, S = unknown> {
  readonly kind: K;
  readonly title: string;
  /** Node types it talks to, so the canvas can warn when one is not connected. */
  readonly needs: readonly string[];
  /** The trace events it emits, for the log filter. */
  readonly log: LogGroup;
  /**
   * Values for parameters that have no default but must be filled (a script's commands): what
   * a client switched to this program starts with, so it runs at once and shows how they read.
   */
  readonly example?: Readonly<Record<string, unknown>>;
  /** Fetches the behaviour; `S`, its state type, is inferred from it (tests read states typed). */
  load(): Promise<ProgramDef<never, S>>;
}

/** Declares a client program, keeping its kind as a literal so the catalog yields the union of kinds. */
export function defineProgram<const K extends string, S>(m: ProgramManifest<K, S>): ProgramManifest<K, S> {
  return m;
}

/** A program's name in the reader's language (`pattern.<kind>.title`; English as its manifest's `title`). */
export function programTitle(kind: string): Phrase {
  return p(`pattern.${kind}.title`);
}
