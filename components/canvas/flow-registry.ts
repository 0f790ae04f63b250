import type { EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import { createElement, memo, Suspense, use, type ComponentType } from 'react';
import type { NodeType } from '@/engine/models/catalog';
import { registerKindAssets } from '@/stores/kind-loading';
import { NODE_UIS } from '../nodes/catalog';
import type { CardProps } from '../nodes/kind-ui';
import { NodeLookContext, type NodeLook } from '../nodes/node-look';
import { PendingCard } from '../nodes/pending-card';
import { withZoomLevels } from '../nodes/zoom-levels';
import type { AppNode } from './flow-types';
import { MessageEdge } from './message-edge';

type Card = ComponentType<NodeProps<AppNode>>;

const Pending = PendingCard as unknown as Card;

interface LazyCard {
  Component: Card;
  /** Takes a card that arrived with the page instead of fetching it. */
  provide(card: Card): void;
  loaded(): boolean;
  load(): Promise<Card>;
}

/**
 * A stand-in React Flow can be given up front for a card that arrives later. Opening a scenario
 * loads its cards before it becomes the document (stores/kind-loading), so the stand-in
 * normally renders the real card at once; only if it did not (or the fetch failed) does a
 * pending card show meanwhile (or for good). Either is drawn with its kind's `look`.
 */
function lazyCard(look: NodeLook, fetch: () => Promise<Card>): LazyCard {
  let card: Card | null = null;
  let pending: Promise<Card> | null = null;
  const load = () =>
    (pending ??= fetch().then(
      (c) => (card = c),
      () => (card = Pending),
    ));
  function Loaded(props: NodeProps<AppNode>) {
    return createElement(card ?? use(load()), props);
  }
  const Component = memo(function LazyCardFor(props: NodeProps<AppNode>) {
    return createElement(NodeLookContext.Provider, { value: look }, createElement(Suspense, { fallback: createElement(Pending, props) }, createElement(Loaded, props)));
  });
  return {
    Component,
    provide: (c) => {
      card ??= c;
      pending ??= Promise.resolve(c);
    },
    loaded: () => card !== null,
    load,
  };
}

/** Each node type's card, from the UI manifests, fetched the first time a scenario has such a node. */
const LAZY: Readonly<Record<NodeType, LazyCard>> = Object.fromEntries(NODE_UIS.map((ui) => [ui.type, lazyCard(ui, () => ui.card() as Promise<unknown> as Promise<Card>)])) as Record<NodeType, LazyCard>;

/**
 * Hands over the card for `type` that a page ships with (the playground's default scenario,
 * see components/playground/default-kinds.ts), so showing that kind fetches nothing.
 */
export function provideCard<T extends NodeType>(type: T, card: ComponentType<CardProps<T>>): void {
  LAZY[type].provide(card as unknown as Card);
}

const withCard = (types: readonly string[]) => types.filter((t): t is NodeType => Object.hasOwn(LAZY, t));

// Showing a scenario waits for its cards as it waits for its kinds' behaviour.
registerKindAssets({
  loaded: (needs) => withCard(needs.nodes).every((t) => LAZY[t].loaded()),
  load: (needs) => Promise.all(withCard(needs.nodes).map((t) => LAZY[t].load())).then(() => undefined),
});

/**
 * The card for each node type, shared by the playground and the embed, each with its far view
 * for a zoomed-out canvas (which needs no card code). Module scope, so React Flow sees one
 * stable object. Every node type has one (components/nodes/catalog.ts checks it).
 */
export const nodeTypes: NodeTypes = Object.fromEntries(Object.entries(LAZY).map(([type, c]) => [type, withZoomLevels(c.Component)]));

export const edgeTypes = { link: MessageEdge } satisfies EdgeTypes;
