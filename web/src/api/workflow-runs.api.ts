import type { RunView, WorkflowListItem } from '@rolecall/server/api';
import { apiRequest } from './api-client';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type { RunStatus, RunView, WorkflowListItem, WorkflowView } from '@rolecall/server/api';

/** A workflow run that may still change: queued, running, or waiting for approval. */
export const isWorkflowRunActive = (run: Pick<RunView, 'status'>): boolean =>
  run.status === 'queued' || run.status === 'running' || run.status === 'awaiting_approval';

export function listWorkflows(signal?: AbortSignal): Promise<WorkflowListItem[]> {
  return apiRequest('GET', '/workflows', { signal });
}
