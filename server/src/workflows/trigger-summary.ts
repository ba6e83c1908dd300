import { BeginDataSchema, summarizeTrigger, type GraphDraft } from '@rolecall/workflows/graph';
import type { WorkflowListItem } from './workflows.schema';

/** The trigger of the draft's (first) Begin; a draft still being drawn may have none or an invalid one. */
export function draftTrigger(graph: GraphDraft): WorkflowListItem['trigger'] {
  const begin = graph.nodes.find((n) => n.type === 'begin');
  const data = begin ? BeginDataSchema.shape.trigger.safeParse((begin.data as { trigger?: unknown } | null)?.trigger) : null;
  if (!data?.success) return { kind: null, summary: begin ? 'Begin not set up yet' : 'No Begin block yet' };
  return { kind: data.data.kind, summary: summarizeTrigger(data.data) };
}
