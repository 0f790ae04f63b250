import type { NODE_MANIFESTS } from '../models/catalog';
import type { NodeType } from '../models/catalog';
import type { PROGRAM_MANIFESTS, ProgramKindId } from '../patterns/catalog';

// State types by kind, read off the catalogs' manifests (each manifest's `load` carries its
// behaviour's type), so a test's `stateOf(node, 'redis')` is typed with the Redis state and a
// new kind needs nothing here.

type NodeManifestOf<K extends NodeType> = Extract<(typeof NODE_MANIFESTS)[number], { type: K }>;
type ProgramManifestOf<K extends ProgramKindId> = Extract<(typeof PROGRAM_MANIFESTS)[number], { kind: K }>;

/** The state a node of type `K` holds. */
export type StateOf<K extends NodeType> = Awaited<ReturnType<NodeManifestOf<K>['load']>>['model'] extends { init(p: never): infer S } ? S : never;

/** The state a client program of kind `K` holds. */
export type ProgramStateOf<K extends ProgramKindId> = Awaited<ReturnType<ProgramManifestOf<K>['load']>> extends { init(p: never): infer S } ? S : never;
