import type { LogGroup } from '../core/manifest';
import { p, type Phrase } from '../core/phrase';
import type { ModelDef } from '../core/types';

// What a node kind declares, in one object per kind (./<kind>/index.ts): the catalog lists
// those objects, and everything else (validation, the palette, the log filter's groups, the
// registry that loads behaviour, the UI's tables) is derived from that list.

/**
 * A kind's behaviour: the model the simulation runs and the view the canvas draws. Fetched with
 * `import()` the first time a scenario has such a node (engine/registry).
 */
export interface NodeBehaviour<P, S, V> {
  readonly model: ModelDef<P, S>;
  /**
   * What the kind's card shows of a state: plain data, computed from the state alone (a card
   * that shows time left gets deadlines and reads the clock itself), pure and cheap. Callers
   * memoise it by state identity, so an unchanged state yields the same object.
   */
  view(state: S): V;
}

/** A behaviour whose parameter and state types are erased: what the registry holds. */
export type AnyNodeBehaviour<V = unknown> = NodeBehaviour<never, unknown, V>;

/** The nodes on the canvas, as much as a kind needs to pick parameters for a new node. */
export type NodesSoFar = readonly { readonly id: string; readonly type: string }[];

/**
 * What the palette, the canvas and the log filter know about a node type before its behaviour
 * is loaded; its parameter schema is apart (./params-catalog.ts), so knowing kinds costs no zod. `V` is the kind's view type, which the UI's card for
 * the kind is checked against.
 */
export interface NodeManifest<T extends string = string, V = unknown, S = unknown> {
  readonly type: T;
  readonly title: string;
  readonly blurb: string;
  /** Node types it may be linked to (the canvas refuses other links, with a reason). */
  readonly linksTo: readonly string[];
  /** The trace events its model emits, for the log filter. */
  readonly log: LogGroup;
  /**
   * Parameters for a node the visitor adds, when its schema's defaults are not enough (a client
   * needs a program): may look at what is on the canvas already.
   */
  newParams?(nodes: NodesSoFar): Record<string, unknown>;
  /**
   * Fetches the behaviour; engine/registry calls it the first time a scenario has such a node.
   * `S`, its state type, is inferred from it, so tests can read a node's state typed by its kind.
   */
  load(): Promise<NodeBehaviour<never, S, V>>;
}

/**
 * Declares a node kind; keeps its type as a literal and infers its view and state types from `load`, so
 * the catalog's list yields the union of node types and each type's view (and state, for tests).
 */
export function defineNode<const T extends string, V, S>(m: NodeManifest<T, V, S>): NodeManifest<T, V, S> {
  return m;
}

/** A kind's behaviour from its model and its view (their types checked against each other). */
export function nodeBehaviour<P, S, V>(model: ModelDef<P, S>, view: (state: S) => V): NodeBehaviour<P, S, V> {
  return { model, view };
}

/** A node kind's name in the reader's language (`model.common.title_<type>`; English as its manifest's `title`). */
export function kindTitle(type: string): Phrase {
  return p(`model.common.title_${type}`);
}

/** A node kind's one-line description in the reader's language (English as its manifest's `blurb`). */
export function kindBlurb(type: string): Phrase {
  return p(`model.common.blurb_${type}`);
}
