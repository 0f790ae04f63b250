import type { Say } from '@/engine/core/phrase';
import type { Node, NodeProps } from '@xyflow/react';
import type { ComponentType, ReactNode } from 'react';
import type { NodeType, NodeViewOf } from '@/engine/models/catalog';
import type { FieldTable } from '../panels/inspector/field-labels';

/** What every node card gets from the scenario; live state comes from the playback store. */
export interface NodeCardData extends Record<string, unknown> {
  label: string;
  /** The engine's node type. */
  kind: NodeType;
  /** Links enter at the top and leave at the bottom (the narrow-screen layout), not left and right. */
  vertical: boolean;
}

/** A canvas node of type `T`. */
export type FlowNodeOf<T extends NodeType> = Node<NodeCardData, T>;

/** What React Flow hands the card of a node of type `T`. */
export type CardProps<T extends NodeType> = NodeProps<FlowNodeOf<T>>;

/**
 * The UI side of a node kind, one per kind (components/nodes/<kind>/index.tsx): how it looks
 * wherever it appears (card header, palette, minimap, inspector), its far-view line, its
 * parameters' labels, and its card, fetched the first time a scenario has such a node.
 * Checked against the engine's manifest of the same type: `summary` and the card read that
 * kind's view.
 */
export interface NodeUi<T extends NodeType = NodeType> {
  readonly type: T;
  readonly icon: (size: number) => ReactNode;
  /** Tailwind background class of the icon tile. */
  readonly tone: string;
  /** The same colour for SVG (the minimap). */
  readonly colour: string;
  /**
   * The one line a card keeps when the canvas is zoomed out too far to read its details (what a
   * glance should still tell); without it the far card shows the node's status only.
   */
  summary?(view: NodeViewOf<T>): Say | null;
  /** Labels and units of this kind's own parameters, where the generic ones (field-labels.ts) do not fit. */
  readonly fields?: FieldTable;
  /** Fetches the card (an `import()`: a card is fetched with its kind's behaviour). */
  card(): Promise<ComponentType<CardProps<T>>>;
}
