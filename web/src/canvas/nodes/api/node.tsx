import { CapSchema } from '@rolecall/workflows/graph';
import type { NodeProps } from '@xyflow/react';
import type { BlockNode } from '../../store/flow-graph';
import { countOf } from '../../../lib/format';
import { BlockNodeShell } from '../BlockNodeShell';
import { presetActionSummary } from '../preset-action-summary';
import { usePanelContext } from '../../panels/use-panel-context';

/** "at most 25 users or 10 %", the blast radius before a run waits for approval. */
function capWords(cap: unknown): string {
  const parsed = CapSchema.safeParse(cap);
  if (!parsed.success) return 'No cap';
  const limits = [parsed.data.maxUsers !== undefined && countOf(parsed.data.maxUsers, 'user'), parsed.data.maxPercent !== undefined && `${parsed.data.maxPercent} %`];
  const set = limits.filter(Boolean);
  return set.length ? `Asks for approval above ${set.join(' or ')}` : 'No cap';
}

export function ApiNode({ id, data, selected }: NodeProps<BlockNode>) {
  const { context: ctx } = usePanelContext();
  const summary = (
    <>
      <div>{presetActionSummary(ctx, data)}</div>
      <div>{capWords(data.cap)}</div>
    </>
  );
  return <BlockNodeShell id={id} type="api" selected={selected} summary={summary} />;
}
