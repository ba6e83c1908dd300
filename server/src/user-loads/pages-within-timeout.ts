import type { IntegrationRateLimit } from '../integrations/integrations.schema';

/** Share of an activity's timeout its pages may take at the vendor's pace; the rest absorbs slow answers and writes. */
const PACED_SHARE = 0.5;

/**
 * How many pages one activity can apply within its timeout at the vendor's rate limit (one
 * request per page): at 100 requests/min all 10, at 1 request/min 5, never fewer than one.
 */
export function pagesWithinTimeout(maxPages: number, limit: IntegrationRateLimit, timeoutMs: number): number {
  const perRequestMs = limit.perMs / limit.requests;
  return Math.max(1, Math.min(maxPages, Math.floor((timeoutMs * PACED_SHARE) / perRequestMs)));
}
