import type { EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import { createElement, memo, Suspense, use, type ComponentType } from 'react';
import { registerKindAssets } from '@/stores/kind-loading';
import { GenericNode } from '../nodes/generic-node';
import { withZoomLevels } from '../nodes/zoom-levels';
import type { AppNode } from './flow-types';
import { MessageEdge } from './message-edge';

type Card = ComponentType<NodeProps<AppNode>>;

/**
 * Each node type's card, fetched with the type's behaviour the first time a scenario has one
 * (a card imports its model's view, so it is as heavy as the model).
 */
const CARDS: Readonly<Record<string, () => Promise<Card>>> = {
  client: () => import('../nodes/client-node').then((m) => m.ClientNode as unknown as Card),
  redis: () => import('../nodes/redis-node').then((m) => m.RedisNode as unknown as Card),
  zookeeper: () => import('../nodes/zookeeper-node').then((m) => m.ZookeeperNode as unknown as Card),
  storage: () => import('../nodes/storage-node').then((m) => m.StorageNode as unknown as Card),
  payments: () => import('../nodes/payments-node').then((m) => m.PaymentsNode as unknown as Card),
  app: () => import('../nodes/app-node').then((m) => m.AppServiceNode as unknown as Card),
  lb: () => import('../nodes/lb-node').then((m) => m.LbNode as unknown as Card),
  attacker: () => import('../nodes/attacker-node').then((m) => m.AttackerNode as unknown as Card),
};

const Generic = GenericNode as unknown as Card;

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
 * generic card show meanwhile (or for good).
 */
function lazyCard(fetch: () => Promise<Card>): LazyCard {
  let card: Card | null = null;
  let pending: Promise<Card> | null = null;
  const load = () =>
    (pending ??= fetch().then(
      (c) => (card = c),
      () => (card = Generic),
    ));
  function Loaded(props: NodeProps<AppNode>) {
    return createElement(card ?? use(load()), props);
  }
  const Component = memo(function LazyCardFor(props: NodeProps<AppNode>) {
    return createElement(Suspense, { fallback: createElement(Generic, props) }, createElement(Loaded, props));
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

const LAZY: Readonly<Record<string, LazyCard>> = Object.fromEntries(Object.entries(CARDS).map(([type, fetch]) => [type, lazyCard(fetch)]));

/**
 * Hands over the card for `type` that a page ships with (the playground's default scenario,
 * see components/playground/default-kinds.ts), so showing that kind fetches nothing.
 */
export function provideCard(type: string, card: ComponentType<never>): void {
  if (Object.hasOwn(LAZY, type)) LAZY[type].provide(card as unknown as Card);
}

const withCard = (types: readonly string[]) => types.filter((t) => Object.hasOwn(LAZY, t));

// Showing a scenario waits for its cards as it waits for its kinds' behaviour.
registerKindAssets({
  loaded: (types) => withCard(types).every((t) => LAZY[t].loaded()),
  load: (types) => Promise.all(withCard(types).map((t) => LAZY[t].load())).then(() => undefined),
});

/**
 * The card for each node type, shared by the playground and the embed, each with its far view
 * for a zoomed-out canvas (which needs no card code). Module scope, so React Flow sees one
 * stable object. A type missing here is drawn as a generic card.
 */
export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(Object.entries(LAZY).map(([type, c]) => [type, withZoomLevels(c.Component)])),
  generic: withZoomLevels(GenericNode),
};

export const edgeTypes = { link: MessageEdge } satisfies EdgeTypes;
