import { apiRequest, toQuery } from './api-client';
import type { FieldMapping } from './catalog.api';

// Mirrors server/src/integrations/integrations.schema.ts.

export type UserSelection = 'user' | 'user_plus_saas_user';
export type LoadPreference = 'create_update' | 'create_only' | 'update_only';
export type IntegrationStatus = 'draft' | 'active' | 'paused';
export type SyncKeyField = 'externalId' | 'email' | 'username';
export type RunStatus = 'queued' | 'running' | 'completed' | 'failed';

export type Schedule =
  | { kind: 'interval'; every: string; timezone: string }
  | { kind: 'cron'; cron: string; timezone: string };

export type CustomField = { key: string; label: string; type: CustomFieldType };
export type CustomFieldType = 'string' | 'number' | 'boolean' | 'datetime';
export type SyncKey = { field: SyncKeyField; priority: number };
/** A vendor account's own request budget; null = the preset's published limit. */
export type RateLimit = { requests: number; perMs: number } | null;

export type Integration = {
  id: string;
  name: string;
  presetId: string;
  credentialId: string | null;
  appName: string;
  userSelection: UserSelection;
  preference: LoadPreference;
  /** Inventory field (or `custom.<key>`) → where it comes from in the vendor user. */
  mappings: Record<string, FieldMapping>;
  customFields: CustomField[];
  syncKeys: SyncKey[];
  personRole: string | null;
  schedule: Schedule;
  rateLimit: RateLimit;
  status: IntegrationStatus;
  /** Draft until every mandatory setting is there; `missing` names what is not. */
  readiness: { ready: boolean; missing: string[] };
  createdAt: string;
  updatedAt: string;
};

export type CreateIntegration = {
  name: string;
  presetId: string;
  credentialId?: string;
  appName?: string;
  userSelection: UserSelection;
  preference: LoadPreference;
  smartMapping: boolean;
  syncKeys: { field: SyncKeyField; priority: number }[];
  schedule: Schedule;
};

/** PATCH body: only the settings that change; `smartMapping` recomputes the mappings by name and type. */
export type UpdateIntegration = Partial<
  Pick<
    Integration,
    | 'name'
    | 'credentialId'
    | 'appName'
    | 'userSelection'
    | 'preference'
    | 'mappings'
    | 'customFields'
    | 'syncKeys'
    | 'personRole'
    | 'schedule'
    | 'rateLimit'
  >
> & { smartMapping?: boolean };

export type Run = {
  id: string;
  integrationId: string;
  trigger: 'manual' | 'schedule';
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  pagesDone: number;
  fetched: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  deactivated: number;
  error: string | null;
};

export type RunRecordError = {
  externalId: string | null;
  outcome: 'skipped' | 'failed';
  reason: string;
  record: Record<string, unknown> | null;
  pageIndex: number;
};

export type RunDetail = Run & { errors: RunRecordError[]; errorsTotal: number; errorsPage: number };

export const isRunActive = (run: Pick<Run, 'status'>): boolean => run.status === 'queued' || run.status === 'running';

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
export function runIntegration(id: string): Promise<Run> {
  return apiRequest('POST', `/integrations/${id}/run`);
}

/** The latest 100 runs, newest first. */
export function listRuns(id: string, signal?: AbortSignal): Promise<Run[]> {
  return apiRequest('GET', `/integrations/${id}/runs`, { signal });
}

export function getRun(
  id: string,
  runId: string,
  errorsPage: number,
  errorsPageSize: number,
  signal?: AbortSignal,
): Promise<RunDetail> {
  return apiRequest('GET', `/integrations/${id}/runs/${runId}${toQuery({ errorsPage, errorsPageSize })}`, { signal });
}
