import type { Health } from '@rolecall/server/api';
import { isHealth } from './is-health';

/** What the top bar knows about the API: still asking, no usable answer, or a health report. */
export type HealthState =
  | { kind: 'checking' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'reported'; health: Health };

/**
 * Asks the API for its health. A degraded API answers 503 with a normal health body, so the
 * body decides, not the status code; only a failed request or a foreign body means unreachable.
 */
export async function fetchHealth(signal: AbortSignal): Promise<HealthState> {
  let response: Response;
  try {
    response = await fetch('/api/health', { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    return { kind: 'unreachable', reason: `Request to /api/health failed: ${(err as Error).message}` };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (isHealth(body)) return { kind: 'reported', health: body };
  return {
    kind: 'unreachable',
    reason: `/api/health answered HTTP ${response.status} without a health report; is the Rolecall server running?`,
  };
}
