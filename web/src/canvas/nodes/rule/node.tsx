import { RuleDataSchema, describeRule, ruleFields } from '@rolecall/workflows/graph';
import type { NodeProps } from '@xyflow/react';
import type { BlockNode } from '../../store/flow-graph';
import { BlockNodeShell } from '../BlockNodeShell';
import { usePanelContext } from '../../panels/use-panel-context';

export function RuleNode({ id, data, selected }: NodeProps<BlockNode>) {
  const { context: ctx } = usePanelContext();
  const parsed = RuleDataSchema.safeParse(data);
  const summary = parsed.success ? describeRule(parsed.data, ruleFields(ctx.customFields, undefined)) : 'Add conditions';
  return <BlockNodeShell id={id} type="rule" selected={selected} summary={summary} />;
}
