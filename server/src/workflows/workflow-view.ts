import type { WorkflowVersion } from './workflow-version.entity';
import type { WorkflowWithLatest } from './workflow.repository';
import type { WorkflowVersionView, WorkflowView } from './workflows.schema';

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
  return { id: v.id, workflowId: v.workflowId, number: v.number, ir: v.ir, createdAt: v.createdAt.toISOString() };
}
