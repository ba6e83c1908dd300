// Mirrors server/src/health/health.schema.ts. The web bundle cannot import the server package,
// and this small shape does not justify shipping zod to the browser, so a guard checks it instead.

/** One dependency probe as reported by `GET /api/health`. */
export type ServiceHealth = { status: 'up' | 'down'; latencyMs: number; error?: string };

/** Body of `GET /api/health`; sent with 200 when `ok` and with 503 when `degraded`. */
export type Health = {
  status: 'ok' | 'degraded';
  version: string;
  services: { postgres: ServiceHealth; temporal: ServiceHealth };
};

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
    isServiceHealth(value.services.temporal)
  );
}
