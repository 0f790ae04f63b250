import { nodeView } from '@/engine/registry/registry';

// A card re-renders when what it reads changes; a view computed afresh for each frame would be
// a new object every frame and re-render every card. States are replaced, never mutated, so a
// view is cached on its state object: an unchanged state gives the very same view.

const cache = new WeakMap<(state: never) => unknown, WeakMap<object, unknown>>();

/**
 * The view of a node of type `type` in state `state`, computed by its kind (engine/models/<kind>/
 * view.ts) once per state. Throws when the kind's behaviour is not loaded, which opening a
 * scenario ensures (stores/kind-loading.ts).
 */
export function viewOf(type: string, state: unknown): unknown {
  const view = nodeView(type);
  if (!view) throw new Error(`no view for node type "${type}": its behaviour is not loaded`);
  if (typeof state !== 'object' || state === null) return view(state as never);
  let byState = cache.get(view);
  if (!byState) cache.set(view, (byState = new WeakMap()));
  if (byState.has(state)) return byState.get(state);
  const v = view(state as never);
  byState.set(state, v);
  return v;
}
