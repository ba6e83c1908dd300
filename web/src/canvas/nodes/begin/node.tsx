import { BeginDataSchema, describeRule, ruleFields, summarizeTrigger } from '@rolecall/workflows/graph';
import type { NodeProps } from '@xyflow/react';
import type { BlockNode } from '../../store/flow-graph';
import { BlockNodeShell } from '../BlockNodeShell';
import { usePanelContext } from '../../panels/use-panel-context';

export function BeginNode({ id, data, selected }: NodeProps<BlockNode>) {
  const { context: ctx } = usePanelContext();
  const parsed = BeginDataSchema.safeParse(data);
  const app = parsed.success ? ctx.apps.find((a) => a.id === parsed.data.population.appId) : undefined;
  const summary = parsed.success ? (
    <>
      <div>{summarizeTrigger(parsed.data.trigger)}</div>
      <div>{app ? `Users of ${app.name}` : 'Pick an app'}</div>
      <div>{describeRule(parsed.data.population.rule, ruleFields(ctx.customFields, app?.id))}</div>
    </>
  ) : (
    'Pick the trigger and the app'
  );
  return <BlockNodeShell id={id} type="begin" selected={selected} summary={summary} />;
}
