import { apiRequest, toQuery } from './api-client';

// Mirrors server/src/inventory/inventory.schema.ts.

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type SaasApp = { id: string; name: string; presetId: string; userCount: number; activeUserCount: number };

export type SaasUserStatus = 'active' | 'deactivated';
export type PersonStatus = 'active' | 'offboarded';

export type SaasUser = {
  id: string;
  appId: string;
  appName: string;
  personId: string | null;
  externalId: string;
  username: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  status: SaasUserStatus;
  lastLoginAt: string | null;
  syncedAt: string | null;
};

export type Person = {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  status: PersonStatus;
  saasUserCount: number;
};

export type SaasUserFilters = { app?: string; q?: string; status?: SaasUserStatus; role?: string };
export type PersonFilters = { q?: string; status?: PersonStatus };

export function listSaasApps(signal?: AbortSignal): Promise<SaasApp[]> {
  return apiRequest('GET', '/saas-apps', { signal });
}

export function listSaasUsers(
  filters: SaasUserFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<SaasUser>> {
  return apiRequest('GET', `/saas-users${toQuery(filters)}`, { signal });
}

/** Where the browser downloads every SaaS user matching the filters as CSV (paging ignored). */
export function saasUsersCsvUrl(filters: SaasUserFilters): string {
  return `/api/saas-users.csv${toQuery(filters)}`;
}

export function setSaasUserStatus(id: string, status: SaasUserStatus): Promise<SaasUser> {
  return apiRequest('PATCH', `/saas-users/${id}`, { body: { status } });
}

export function listPeople(filters: PersonFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<Person>> {
  return apiRequest('GET', `/people${toQuery(filters)}`, { signal });
}

/** Offboarding emits `person.offboarded`, the trigger of offboarding workflows. */
export function setPersonStatus(id: string, status: PersonStatus): Promise<Person> {
  return apiRequest('PATCH', `/people/${id}`, { body: { status } });
}
