import type { CompileError } from '@rolecall/workflows/graph';
import type {
  CompileRefs,
  CreateWorkflow,
  RunRecordFilter,
  RunRecordPage,
  RunRecordQuery,
  RunView,
  StartRun,
  UpdateWorkflow,
  WorkflowVersionView,
  WorkflowView,
} from '@rolecall/server/api';
import { ApiError, apiRequest, toQuery } from './api-client';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type { CompileRefs, RunRecordPage, RunRecordView, WorkflowVersionView } from '@rolecall/server/api';

/** Body of a create: the server fills the description and graph defaults. */
export type NewWorkflow = Pick<CreateWorkflow, 'name'> & Partial<Omit<CreateWorkflow, 'name'>>;

export function getWorkflow(id: string, signal?: AbortSignal): Promise<WorkflowView> {
  return apiRequest('GET', `/workflows/${id}`, { signal });
}

export function createWorkflow(body: NewWorkflow): Promise<WorkflowView> {
  return apiRequest('POST', '/workflows', { body });
}

/** Saves the draft: name, description and/or graph. Launched versions never change. */
export function updateWorkflow(id: string, body: UpdateWorkflow): Promise<WorkflowView> {
  return apiRequest('PATCH', `/workflows/${id}`, { body });
}

export function deleteWorkflow(id: string): Promise<void> {
  return apiRequest('DELETE', `/workflows/${id}`);
}

/** Resolves when the saved draft compiles; rejects with an ApiError 422 otherwise (see `compileErrorsOf`). */
export function validateWorkflow(id: string): Promise<{ ok: true }> {
  return apiRequest('POST', `/workflows/${id}/validate`);
}

/** Freezes the saved draft as the next version and points its triggers at it. */
export function launchWorkflow(id: string): Promise<WorkflowVersionView> {
  return apiRequest('POST', `/workflows/${id}/launch`);
}

export function pauseWorkflow(id: string): Promise<WorkflowView> {
  return apiRequest('POST', `/workflows/${id}/pause`);
}

export function resumeWorkflow(id: string): Promise<WorkflowView> {
  return apiRequest('POST', `/workflows/${id}/resume`);
}

export function listWorkflowVersions(id: string, signal?: AbortSignal): Promise<WorkflowVersionView[]> {
  return apiRequest('GET', `/workflows/${id}/versions`, { signal });
}

/** Run now (`live`) or Dry run of the latest launched version, or a dry run of the saved draft (`of: 'draft'`). */
export function startWorkflowRun(id: string, mode: StartRun['mode'], of: StartRun['of'] = 'launched'): Promise<RunView> {
  return apiRequest('POST', `/workflows/${id}/runs`, { body: { mode, of } });
}

/** One version of a workflow by id, a dry run's draft snapshot too. */
export function getWorkflowVersion(id: string, versionId: string, signal?: AbortSignal): Promise<WorkflowVersionView> {
  return apiRequest('GET', `/workflows/${id}/versions/${versionId}`, { signal });
}

export function getWorkflowRun(runId: string, signal?: AbortSignal): Promise<RunView> {
  return apiRequest('GET', `/runs/${runId}`, { signal });
}

/** One page of what each node decided per record, filtered by node and outcome (`held` = waiting at a cap). */
export function listWorkflowRunRecords(runId: string, query: Partial<RunRecordQuery>, signal?: AbortSignal): Promise<RunRecordPage> {
  return apiRequest('GET', `/runs/${runId}/records${toQuery(query)}`, { signal });
}

/** Releases a run held at its blast-radius cap. */
export function approveWorkflowRun(runId: string): Promise<RunView> {
  return apiRequest('POST', `/runs/${runId}/approve`);
}

export function cancelWorkflowRun(runId: string): Promise<RunView> {
  return apiRequest('POST', `/runs/${runId}/cancel`);
}

/** Where the browser downloads a run's records as CSV: every one, or one node's or outcome's. */
export const workflowRunRecordsCsvUrl = (runId: string, filter: RunRecordFilter = {}) => `/api/runs/${runId}/records.csv${toQuery(filter)}`;

/** `GET /api/workflows/compile-context`: credentials, apps and custom fields `compile()` checks against. */
export function fetchCompileRefs(signal?: AbortSignal): Promise<CompileRefs> {
  return apiRequest('GET', '/workflows/compile-context', { signal });
}

/** The compile errors of a 422 from validate or launch; empty for any other failure. */
export function compileErrorsOf(error: unknown): CompileError[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const details = error.details as { errors?: CompileError[] } | undefined;
  return details?.errors ?? [];
}
