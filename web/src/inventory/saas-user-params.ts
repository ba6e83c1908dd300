import type { SaasUserQuery } from '@rolecall/server/api';
import type { SaasUserListQuery, SaasUserStatus } from '../api/inventory.api';

/** Page sizes the SaaS user list offers. */
export const PAGE_SIZES = [25, 50, 100] as const;
const SORTS: readonly SaasUserQuery['sort'][] = ['appName', 'email', 'role', 'lastLoginAt'];
const STATUSES: readonly SaasUserStatus[] = ['active', 'deactivated'];

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === value);

/**
 * The SaaS user list's filters, order and page read from the URL, so a link shares the same view
 * and Back returns to the previous one. Unknown values fall back to the defaults.
 */
export function readSaasUserParams(params: URLSearchParams): SaasUserListQuery {
  const page = Number(params.get('page'));
  const size = Number(params.get('pageSize'));
  return {
    app: params.get('app') || undefined,
    q: params.get('q') || undefined,
    status: pick(params.get('status'), STATUSES),
    role: params.get('role') || undefined,
    lastLoginBefore: params.get('lastLoginBefore') || undefined,
    customField: params.get('customField') || undefined,
    customValue: params.get('customValue') || undefined,
    sort: pick(params.get('sort'), SORTS) ?? 'appName',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.find((s) => s === size) ?? 50,
  };
}

/** The URL parameters of a list query, defaults left out so links stay short. */
export function writeSaasUserParams(query: SaasUserListQuery, tab: string | null): URLSearchParams {
  const params = new URLSearchParams();
  if (tab) params.set('tab', tab);
  const defaults: Partial<Record<keyof SaasUserListQuery, unknown>> = { sort: 'appName', dir: 'asc', page: 1, pageSize: 50 };
  for (const [key, value] of Object.entries(query) as [keyof SaasUserListQuery, unknown][]) {
    if (value !== undefined && value !== '' && value !== defaults[key]) params.set(key, String(value));
  }
  return params;
}
