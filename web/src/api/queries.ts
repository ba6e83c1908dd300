import { queryOptions } from '@tanstack/react-query';
import { listAudit, type AuditFilter } from './audit.api';
import { fetchMe, listTokens, listUsers } from './auth.api';
import { fetchCatalog } from './catalog.api';
import { listCredentials } from './credentials.api';
import { fetchDashboard } from './dashboard.api';
import { isListedRunActive, listAllRuns, type AllRunsListQuery } from './all-runs.api';
import { getIntegration, getLoadRun, isLoadRunActive, listIntegrations, listLoadRuns } from './integrations.api';
import {
  getPerson,
  getPersonHistory,
  getSaasUser,
  getSaasUserHistory,
  listPeople,
  listSaasApps,
  listSaasUsers,
  type PersonFilters,
  type SaasUserListQuery,
} from './inventory.api';
import { isWorkflowRunActive, listWorkflows } from './workflow-runs.api';
import { fetchCompileRefs, getWorkflow, getWorkflowRun, getWorkflowVersion, listWorkflowRunRecords, listWorkflowVersions } from './workflows.api';
import type { RunRecordQuery } from '@rolecall/server/api';

/**
 * Every server read of the web app, as TanStack Query options: one key per resource, so a
 * mutation invalidates by prefix (`['integrations']` refreshes lists, details and runs).
 */
export const queries = {
  me: () => queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => fetchMe(signal) }),
  users: () => queryOptions({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(signal) }),
  tokens: () => queryOptions({ queryKey: ['tokens'], queryFn: ({ signal }) => listTokens(signal) }),
  audit: (filter: AuditFilter & { page: number; pageSize: number }) =>
    queryOptions({ queryKey: ['audit', filter], queryFn: ({ signal }) => listAudit(filter, signal) }),
  // The catalog changes only with a server release.
  catalog: () => queryOptions({ queryKey: ['catalog'], queryFn: () => fetchCatalog(), staleTime: Infinity }),
  credentials: () => queryOptions({ queryKey: ['credentials'], queryFn: ({ signal }) => listCredentials(undefined, signal) }),
  dashboard: () => queryOptions({ queryKey: ['dashboard'], queryFn: ({ signal }) => fetchDashboard(signal) }),
  integrations: () => queryOptions({ queryKey: ['integrations'], queryFn: ({ signal }) => listIntegrations(signal) }),
  integration: (id: string) =>
    queryOptions({ queryKey: ['integrations', id], queryFn: ({ signal }) => getIntegration(id, signal) }),
  // A scheduled load can start at any moment; poll quickly only while one is in flight.
  loadRuns: (id: string) =>
    queryOptions({
      queryKey: ['integrations', id, 'runs'],
      queryFn: ({ signal }) => listLoadRuns(id, signal),
      refetchInterval: (query) => (query.state.data?.some(isLoadRunActive) ? 2000 : false),
    }),
  // A finished run does not change; a running one is polled every second.
  loadRun: (id: string, runId: string, errors: { errorsPage: number; errorsPageSize: number; errorsQ?: string }) =>
    queryOptions({
      queryKey: ['integrations', id, 'runs', runId, errors],
      queryFn: ({ signal }) => getLoadRun(id, runId, errors, signal),
      refetchInterval: (query) => (query.state.data && isLoadRunActive(query.state.data) ? 1000 : false),
    }),
  // Loads and workflow runs both land here, so no one mutation prefix refreshes it: it is refetched
  // whenever the Runs page mounts (staleTime 0), and polled while a listed run is still going.
  allRuns: (query: AllRunsListQuery) =>
    queryOptions({
      queryKey: ['all-runs', query],
      queryFn: ({ signal }) => listAllRuns(query, signal),
      staleTime: 0,
      // Fast while a listed run goes on; slower otherwise, so runs a schedule or an event starts show up unasked.
      refetchInterval: (q) => (q.state.data?.items.some(isListedRunActive) ? 2000 : 10_000),
    }),
  workflows: () => queryOptions({ queryKey: ['workflows'], queryFn: ({ signal }) => listWorkflows(signal) }),
  workflow: (id: string) => queryOptions({ queryKey: ['workflows', id], queryFn: ({ signal }) => getWorkflow(id, signal) }),
  workflowVersions: (id: string) =>
    queryOptions({ queryKey: ['workflows', id, 'versions'], queryFn: ({ signal }) => listWorkflowVersions(id, signal) }),
  // A version never changes once written.
  workflowVersion: (id: string, versionId: string) =>
    queryOptions({ queryKey: ['workflows', id, 'versions', versionId], queryFn: ({ signal }) => getWorkflowVersion(id, versionId, signal), staleTime: Infinity }),
  // Credentials, apps and custom fields change with other pages' writes; refetch on focus.
  compileRefs: () => queryOptions({ queryKey: ['workflows', 'compile-context'], queryFn: ({ signal }) => fetchCompileRefs(signal) }),
  // A run that may still change is polled every second; a finished one never changes.
  workflowRun: (runId: string) =>
    queryOptions({
      queryKey: ['workflows', 'run', runId],
      queryFn: ({ signal }) => getWorkflowRun(runId, signal),
      refetchInterval: (q) => (q.state.data && isWorkflowRunActive(q.state.data) ? 1000 : false),
    }),
  workflowRunRecords: (runId: string, query: Partial<RunRecordQuery>) =>
    queryOptions({
      queryKey: ['workflows', 'run', runId, 'records', query],
      queryFn: ({ signal }) => listWorkflowRunRecords(runId, query, signal),
    }),
  saasApps: () => queryOptions({ queryKey: ['inventory', 'apps'], queryFn: ({ signal }) => listSaasApps(signal) }),
  saasUsers: (query: SaasUserListQuery) =>
    queryOptions({ queryKey: ['inventory', 'saas-users', query], queryFn: ({ signal }) => listSaasUsers(query, signal) }),
  saasUser: (id: string) => queryOptions({ queryKey: ['inventory', 'saas-user', id], queryFn: ({ signal }) => getSaasUser(id, signal) }),
  saasUserHistory: (id: string) =>
    queryOptions({ queryKey: ['inventory', 'saas-user', id, 'events'], queryFn: ({ signal }) => getSaasUserHistory(id, signal) }),
  person: (id: string) => queryOptions({ queryKey: ['inventory', 'person', id], queryFn: ({ signal }) => getPerson(id, signal) }),
  personHistory: (id: string) =>
    queryOptions({ queryKey: ['inventory', 'person', id, 'events'], queryFn: ({ signal }) => getPersonHistory(id, signal) }),
  people: (filters: PersonFilters & { page: number; pageSize: number }) =>
    queryOptions({ queryKey: ['inventory', 'people', filters], queryFn: ({ signal }) => listPeople(filters, signal) }),
};
