import { queryOptions } from '@tanstack/react-query';
import { listAudit, type AuditFilter } from './audit.api';
import { fetchMe, listTokens, listUsers } from './auth.api';
import { fetchCatalog } from './catalog.api';
import { listCredentials } from './credentials.api';
import { fetchDashboard } from './dashboard.api';
import {
  getIntegration,
  getLoadRun,
  isLoadRunActive,
  listAllLoadRuns,
  listIntegrations,
  listLoadRuns,
  type LoadRunListQuery,
} from './integrations.api';
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
import { isWorkflowRunActive, listWorkflowRuns, listWorkflows, type WorkflowRunQuery } from './workflow-runs.api';

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
  // Polls while a listed run is still going, like an integration's own run list.
  allLoadRuns: (query: LoadRunListQuery) =>
    queryOptions({
      queryKey: ['integrations', 'all-runs', query],
      queryFn: ({ signal }) => listAllLoadRuns(query, signal),
      refetchInterval: (q) => (q.state.data?.items.some(isLoadRunActive) ? 2000 : false),
    }),
  workflows: () => queryOptions({ queryKey: ['workflows'], queryFn: ({ signal }) => listWorkflows(signal) }),
  // Polls while a listed run is still going, like the load runs beside it.
  workflowRuns: (query: WorkflowRunQuery) =>
    queryOptions({
      queryKey: ['workflows', 'runs', query],
      queryFn: ({ signal }) => listWorkflowRuns(query, signal),
      refetchInterval: (q) => (q.state.data?.items.some(isWorkflowRunActive) ? 2000 : false),
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
