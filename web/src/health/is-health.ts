import type { Health, ServiceHealth } from '@rolecall/server/api';

// The types come from the server's health schema; this small shape does not justify shipping zod
// to the browser, so a guard checks a body against it instead.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isServiceHealth(value: unknown): value is ServiceHealth {
  return (
    isRecord(value) &&
    (value.status === 'up' || value.status === 'down') &&
    typeof value.latencyMs === 'number' &&
    (value.error === undefined || typeof value.error === 'string')
  );
}

/** True when `value` has the shape of a health body, whatever HTTP status it came with. */
export function isHealth(value: unknown): value is Health {
  return (
    isRecord(value) &&
    (value.status === 'ok' || value.status === 'degraded') &&
    typeof value.version === 'string' &&
    isRecord(value.services) &&
    isServiceHealth(value.services.postgres) &&
    isServiceHealth(value.services.temporal) &&
    isServiceHealth(value.services.vault)
  );
}
