import type { RunQuery, RunView, WorkflowListItem } from '@rolecall/server/api';
import { apiRequest, toQuery } from './api-client';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type { RunStatus, RunView, WorkflowListItem, WorkflowView } from '@rolecall/server/api';
export type WorkflowRunQuery = Partial<RunQuery>;
export type WorkflowRunPage = { items: RunView[]; total: number };

/** A workflow run that may still change: queued, running, or waiting for approval. */
export const isWorkflowRunActive = (run: Pick<RunView, 'status'>): boolean =>
  run.status === 'queued' || run.status === 'running' || run.status === 'awaiting_approval';

export function listWorkflows(signal?: AbortSignal): Promise<WorkflowListItem[]> {
  return apiRequest('GET', '/workflows', { signal });
}

/** Runs of every workflow (or one), newest first. */
export function listWorkflowRuns(query: WorkflowRunQuery, signal?: AbortSignal): Promise<WorkflowRunPage> {
  return apiRequest('GET', `/runs${toQuery(query)}`, { signal });
}
