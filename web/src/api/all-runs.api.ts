import type { AllRunsPage, AllRunsQuery } from '@rolecall/server/api';
import { apiRequest, toQuery } from './api-client';
import { isLoadRunActive } from './integrations.api';
import { isWorkflowRunActive } from './workflow-runs.api';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type { AllRunsItem, AllRunsPage, RunSource } from '@rolecall/server/api';
/** What the Runs page asks for: source and filters as the URL has them, and one page. */
export type AllRunsListQuery = Partial<Pick<AllRunsQuery, 'source' | 'status' | 'trigger' | 'integrationId' | 'workflowId'>> & { page: number; pageSize: number };

/** User loads and workflow runs (or one of them), merged newest first and paged by the server. */
export function listAllRuns(query: AllRunsListQuery, signal?: AbortSignal): Promise<AllRunsPage> {
  return apiRequest('GET', `/all-runs${toQuery(query)}`, { signal });
}

/** Whether a listed run may still change, so the list is worth polling. */
export const isListedRunActive = (item: AllRunsPage['items'][number]): boolean => (item.kind === 'load' ? isLoadRunActive(item.run) : isWorkflowRunActive(item.run));
