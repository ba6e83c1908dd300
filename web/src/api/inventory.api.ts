import type {
  PersonPage,
  PersonQuery,
  PersonStatus,
  PersonView,
  SaasAppView,
  SaasUserPage,
  SaasUserQuery,
  SaasUserStatus,
  SaasUserView,
} from '@rolecall/server/api';
import { apiRequest, toQuery } from './api-client';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type { PersonStatus, SaasUserStatus };
export type SaasApp = SaasAppView;
export type SaasUser = SaasUserView;
export type Person = PersonView;

/** The table filters the UI offers (paging aside). */
export type SaasUserFilters = Pick<SaasUserQuery, 'app' | 'q' | 'status' | 'role'>;
export type PersonFilters = Pick<PersonQuery, 'q' | 'status'>;

export function listSaasApps(signal?: AbortSignal): Promise<SaasApp[]> {
  return apiRequest('GET', '/saas-apps', { signal });
}

export function listSaasUsers(
  filters: SaasUserFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<SaasUserPage> {
  return apiRequest('GET', `/saas-users${toQuery(filters)}`, { signal });
}

/** Where the browser downloads every SaaS user matching the filters as CSV (paging ignored). */
export function saasUsersCsvUrl(filters: SaasUserFilters): string {
  return `/api/saas-users.csv${toQuery(filters)}`;
}

export function setSaasUserStatus(id: string, status: SaasUserStatus): Promise<SaasUser> {
  return apiRequest('PATCH', `/saas-users/${id}`, { body: { status } });
}

/** Drops a pending manual status: the next load takes the vendor's status again. */
export function clearSaasUserIntent(id: string): Promise<SaasUser> {
  return apiRequest('DELETE', `/saas-users/${id}/manual-status`);
}

export function listPeople(filters: PersonFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<PersonPage> {
  return apiRequest('GET', `/people${toQuery(filters)}`, { signal });
}

/** Offboarding emits `person.offboarded`, the trigger of offboarding workflows. */
export function setPersonStatus(id: string, status: PersonStatus): Promise<Person> {
  return apiRequest('PATCH', `/people/${id}`, { body: { status } });
}
