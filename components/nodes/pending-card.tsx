'use client';

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GenericFlowNode } from '../canvas/flow-types';
import { NodeCard } from './node-card';
import { useNodeStatic } from './use-node-live';

/** A node type without its own card yet: label, status and type, so the canvas never breaks. */
function GenericNodeImpl({ id, data, selected }: NodeProps<GenericFlowNode>) {
  const live = useNodeStatic(id);
  return (
    <NodeCard
      id={id}
      label={data.label}
      kind={data.kind}
      status={live.status}
      clockOffset={live.clockOffset}
      selected={selected}
      vertical={data.vertical}
    >
      <p className="text-slate-500 dark:text-slate-400">{data.kind}</p>
    </NodeCard>
  );
}

export const GenericNode = memo(GenericNodeImpl);
