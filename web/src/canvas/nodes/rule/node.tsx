import { RuleDataSchema, describeRule, ruleFields } from '@rolecall/workflows/graph';
import type { NodeProps } from '@xyflow/react';
import type { BlockNode } from '../../store/flow-graph';
import { BlockNodeShell } from '../BlockNodeShell';
import { useSummaryContext } from '../use-summary-context';

export function RuleNode({ id, data, selected }: NodeProps<BlockNode>) {
  const ctx = useSummaryContext();
  const parsed = RuleDataSchema.safeParse(data);
  const summary = parsed.success ? describeRule(parsed.data, ruleFields(ctx.customFields, undefined)) : 'Add conditions';
  return <BlockNodeShell id={id} type="rule" selected={selected} summary={summary} />;
}
