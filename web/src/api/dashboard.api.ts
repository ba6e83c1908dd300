import type { Dashboard } from '@rolecall/server/api';
import { apiRequest } from './api-client';

export type { Dashboard };

export function fetchDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return apiRequest('GET', '/dashboard', { signal });
}
