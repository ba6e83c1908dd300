import type { WorkflowVersion } from './workflow-version.entity';
import { draftTrigger } from './trigger-summary';
import type { LastRunRow, WorkflowWithLatest } from './workflow.repository';
import type { WorkflowListItem, WorkflowVersionView, WorkflowView } from './workflows.schema';

export function toWorkflowView(w: WorkflowWithLatest): WorkflowView {
  return {
    id: w.id,
    name: w.name,
    description: w.description,
    graph: w.draft,
    status: w.status,
    latestVersion: w.latestVersion,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export function toVersionView(v: WorkflowVersion): WorkflowVersionView {
  return { id: v.id, workflowId: v.workflowId, number: v.number, ir: v.ir, graph: v.graph, createdAt: v.createdAt.toISOString() };
}

export function toWorkflowListItem(w: WorkflowWithLatest, lastRun: LastRunRow | null, nextRun: { known: boolean; at: Date | null }): WorkflowListItem {
  return {
    ...toWorkflowView(w),
    trigger: draftTrigger(w.draft),
    lastRun: lastRun && {
      id: lastRun.id,
      status: lastRun.status,
      mode: lastRun.mode,
      createdAt: lastRun.createdAt.toISOString(),
      finishedAt: lastRun.finishedAt?.toISOString() ?? null,
    },
    nextRunAt: nextRun.at?.toISOString() ?? null,
    nextRunKnown: nextRun.known,
  };
}
