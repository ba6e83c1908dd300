import type { NodeProps } from '@xyflow/react';
import type { BlockNode } from '../../store/flow-graph';
import { BlockNodeShell } from '../BlockNodeShell';
import { presetActionSummary } from '../preset-action-summary';
import { usePanelContext } from '../../panels/use-panel-context';

export function RoleRetrievalNode({ id, data, selected }: NodeProps<BlockNode>) {
  const { context: ctx } = usePanelContext();
  const summary = (
    <>
      <div>{presetActionSummary(ctx, data)}</div>
      {data.deactivateIfNotFound !== false && <div>Deactivates users the vendor no longer has</div>}
    </>
  );
  return <BlockNodeShell id={id} type="roleRetrieval" selected={selected} summary={summary} />;
}
