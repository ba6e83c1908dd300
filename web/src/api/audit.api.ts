import type { AuditFilter, AuditPage } from '@rolecall/server/api';
import { apiRequest, toQuery } from './api-client';

export type { AuditFilter, AuditPage };

export function listAudit(filter: AuditFilter & { page: number; pageSize: number }, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest('GET', `/audit${toQuery(filter)}`, { signal });
}

/** The CSV of the same filters (a plain link: the session cookie authenticates the download). */
export const auditCsvUrl = (filter: AuditFilter): string => `/api/audit.csv${toQuery(filter)}`;
