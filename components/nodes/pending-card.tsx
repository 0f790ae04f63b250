'use client';

import { memo } from 'react';
import type { AppNode } from '../canvas/flow-types';
import type { CardProps } from './kind-ui';
import { NodeCard } from './node-card';
import { useNodeView } from './use-node-live';

/**
 * A node whose card's code has not arrived (or could not be fetched): label, status and type,
 * so the canvas never breaks. Opening a scenario fetches its cards first, so this shows only
 * if that did not happen; every node type has a card of its own (components/nodes/catalog.ts).
 */
function PendingCardImpl({ id, data, selected }: CardProps<AppNode['type']>) {
  const live = useNodeView(id);
  return (
    <NodeCard id={id} label={data.label} kind={data.kind} status={live?.status ?? 'up'} clockOffset={live?.clockOffset ?? 0} selected={selected} vertical={data.vertical}>
      <p className="key-field text-slate-500 dark:text-slate-400">{data.kind}</p>
    </NodeCard>
  );
}

export const PendingCard = memo(PendingCardImpl);
