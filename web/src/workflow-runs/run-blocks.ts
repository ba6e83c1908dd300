import type { Catalog } from '@rolecall/presets/catalog';
import { ApiDataSchema, CapSchema, capLimit, type GraphDraft } from '@rolecall/workflows/graph';
import type { RunView } from '../api/workflow-runs.api';
import { lookOf } from '../canvas/nodes/block-looks';
import { RECORD_STATE_LABELS } from '../canvas/nodes/record-state-labels';

/** What an API action does to a user, as the past participle a sentence needs. */
const DONE_WORDS: Record<string, string> = { deleteUser: 'deleted', deactivateUser: 'deactivated', reactivateUser: 'reactivated' };


/**
 * "API", or "Rule 2" when the graph has several blocks of a type: a name an admin can match to
 * the canvas, since node ids are internal.
 */
export function blockNames(graph: GraphDraft | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!graph) return names;
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const node of graph.nodes) total.set(node.type, (total.get(node.type) ?? 0) + 1);
  for (const node of graph.nodes) {
    const n = (seen.get(node.type) ?? 0) + 1;
    seen.set(node.type, n);
    const title = lookOf(node.type)?.title ?? node.type;
    names.set(node.id, (total.get(node.type) ?? 0) > 1 ? `${title} ${n}` : title);
  }
  return names;
}

/** An outcome in the words of the block's handle ("not found"), or of the record's state ("held"). */
export function outcomeLabel(graph: GraphDraft | null, nodeId: string, outcome: string): string {
  const type = graph?.nodes.find((n) => n.id === nodeId)?.type;
  const labels = lookOf(type)?.outputLabels as Record<string, string> | undefined;
  return labels?.[outcome] ?? RECORD_STATE_LABELS[outcome] ?? outcome;
}

/** A destructive block and the records a run holds there: who would be hit. */
export type HeldBlock = {
  nodeId: string;
  name: string;
  held: number;
  /** "deactivated", or "affected" when the action is not in the catalog. */
  doneWord: string;
  /** The catalog's name of the action ("Litmos Deactivate User"). */
  action: string;
  /** How many users the block's cap lets a run act on without approval, for this population; null without a cap. */
  capLimit: number | null;
};

/**
 * The blocks where the run holds records: in a dry run every destructive block reached (what it
 * would have done), in a live run the blocks it waits at for approval.
 */
export function heldBlocks(run: Pick<RunView, 'mode' | 'nodes' | 'awaitingApproval' | 'progress'>, graph: GraphDraft | null, catalog: Catalog | undefined): HeldBlock[] {
  const names = blockNames(graph);
  const nodeIds = run.mode === 'dryRun' ? Object.keys(run.nodes).filter((id) => (run.nodes[id]?.held ?? 0) > 0) : run.awaitingApproval;
  return nodeIds.map((nodeId) => {
    const data = ApiDataSchema.partial().safeParse(graph?.nodes.find((n) => n.id === nodeId)?.data);
    const preset = catalog?.presets.find((p) => p.id === data.data?.presetId);
    const action = preset?.actions.find((a) => a.id === data.data?.actionId);
    const cap = CapSchema.safeParse(data.data?.cap);
    return {
      nodeId,
      name: names.get(nodeId) ?? nodeId,
      held: run.nodes[nodeId]?.held ?? 0,
      doneWord: (action && DONE_WORDS[action.operation]) ?? 'affected',
      action: action?.label ?? nodeId,
      capLimit: cap.success && run.progress.total !== null ? capLimit(cap.data, run.progress.total) : null,
    };
  });
}
