import type {
  CreateIntegrationBody,
  IntegrationPreview,
  IntegrationPreviewRequest,
  IntegrationView,
  LoadRunDetail,
  LoadRunView,
  UpdateIntegrationBody,
} from '@rolecall/server/api';
import { apiRequest, toQuery } from './api-client';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type {
  LoadRunListItem,
  CustomField,
  CustomFieldType,
  IntegrationPreview,
  LoadPreference,
  LoadRunDetail,
  LoadRunStatus,
  LoadRunView,
  Schedule,
  SyncKeyField,
  UserSelection,
} from '@rolecall/server/api';
export type Integration = IntegrationView;
export type CreateIntegration = CreateIntegrationBody;
/** PATCH body: only the settings that change; `smartMapping` recomputes the mappings by name and type. */
export type UpdateIntegration = UpdateIntegrationBody;

/** A run that may still change: queued, running, or held for a deactivation decision. */
export const isLoadRunActive = (run: Pick<LoadRunView, 'status'>): boolean =>
  run.status === 'queued' || run.status === 'running' || run.status === 'awaiting_confirmation';

export function listIntegrations(signal?: AbortSignal): Promise<Integration[]> {
  return apiRequest('GET', '/integrations', { signal });
}

export function getIntegration(id: string, signal?: AbortSignal): Promise<Integration> {
  return apiRequest('GET', `/integrations/${id}`, { signal });
}

export function createIntegration(body: CreateIntegration): Promise<Integration> {
  return apiRequest('POST', '/integrations', { body });
}

export function updateIntegration(id: string, body: UpdateIntegration): Promise<Integration> {
  return apiRequest('PATCH', `/integrations/${id}`, { body });
}

export function deleteIntegration(id: string): Promise<void> {
  return apiRequest('DELETE', `/integrations/${id}`);
}

/** Draft/paused → active; a 422 lists in `details.missing` what the integration still lacks. */
export function launchIntegration(id: string): Promise<Integration> {
  return apiRequest('POST', `/integrations/${id}/launch`);
}

export function pauseIntegration(id: string): Promise<Integration> {
  return apiRequest('POST', `/integrations/${id}/pause`);
}

/** Run now: the load starts at once; poll the returned run for progress. */
export function runIntegration(id: string): Promise<LoadRunView> {
  return apiRequest('POST', `/integrations/${id}/run`);
}

/** The latest 100 runs, newest first. */
export function listLoadRuns(id: string, signal?: AbortSignal): Promise<LoadRunView[]> {
  return apiRequest('GET', `/integrations/${id}/runs`, { signal });
}

/** A run with one page of its error log; `errorsQ` keeps only entries whose id, email, name or reason match. */
export function getLoadRun(
  id: string,
  runId: string,
  errors: { errorsPage: number; errorsPageSize: number; errorsQ?: string },
  signal?: AbortSignal,
): Promise<LoadRunDetail> {
  return apiRequest('GET', `/integrations/${id}/runs/${runId}${toQuery(errors)}`, { signal });
}

/** Where the browser downloads the run's error log (or the matching entries) as CSV. */
export function loadRunErrorsCsvUrl(id: string, runId: string, errorsQ?: string): string {
  return `/api/integrations/${id}/runs/${runId}/errors.csv${toQuery({ errorsQ })}`;
}

/** A run awaiting confirmation deactivates the users it found missing. */
export function confirmLoadRunDeactivation(id: string, runId: string): Promise<LoadRunView> {
  return apiRequest('POST', `/integrations/${id}/runs/${runId}/confirm`);
}

/** A run awaiting confirmation completes without deactivating anyone. */
export function skipLoadRunDeactivation(id: string, runId: string): Promise<LoadRunView> {
  return apiRequest('POST', `/integrations/${id}/runs/${runId}/skip-deactivation`);
}

/** The first five vendor users mapped with settings not saved yet, as a load would store them. */
export function previewIntegration(body: IntegrationPreviewRequest): Promise<IntegrationPreview> {
  return apiRequest('POST', '/integrations/preview', { body });
}

/** Cancels an active load; a 409 says it has already finished. */
export function cancelLoadRun(id: string, runId: string): Promise<LoadRunView> {
  return apiRequest('POST', `/integrations/${id}/runs/${runId}/cancel`);
}

/** Starts a new run of the same integration after this one finished. */
export function retryLoadRun(id: string, runId: string): Promise<LoadRunView> {
  return apiRequest('POST', `/integrations/${id}/runs/${runId}/retry`);
}
