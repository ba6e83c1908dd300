import type { NodeProps } from '@xyflow/react';
import type { BlockNode } from '../../store/flow-graph';
import { BlockNodeShell } from '../BlockNodeShell';

export function EndNode({ id, selected }: NodeProps<BlockNode>) {
  return <BlockNodeShell id={id} type="end" selected={selected} summary="The user's path finishes here" />;
}
