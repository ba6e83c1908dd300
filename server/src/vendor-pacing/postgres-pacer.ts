import type { RateLimitSpec, RequestLimiter } from '@rolecall/presets';
import type { DataSource } from 'typeorm';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A RequestLimiter shared by every process on the same database: each request reserves the next
 * slot of one row (`next_at` advances by perMs / requests, plus a margin: N requests later the
 * gap is the window plus max(50 ms, 1 %), more than the network jitter between reserving a slot
 * and the request reaching the vendor, so a rolling window never sees one request too many). The database's clock
 * decides, so workers on different hosts agree. Requests are evenly spaced (no bursts).
 */
export function createPostgresPacer(dataSource: DataSource, key: string, spec: RateLimitSpec): RequestLimiter {
  const intervalMs = (spec.perMs + Math.max(50, spec.perMs * 0.01)) / spec.requests;
  return {
    async acquire() {
      const [row] = (await dataSource.query(
        `INSERT INTO vendor_pacing (key, next_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
         ON CONFLICT (key) DO UPDATE SET next_at =
           greatest(vendor_pacing.next_at, clock_timestamp(), coalesce(vendor_pacing.blocked_until, '-infinity'))
           + make_interval(secs => $2 / 1000.0)
         RETURNING extract(epoch FROM (next_at - make_interval(secs => $2 / 1000.0) - clock_timestamp())) * 1000 AS wait_ms`,
        [key, intervalMs],
      )) as { wait_ms: string }[];
      const waitMs = Number(row?.wait_ms ?? 0);
      if (waitMs > 0) await sleep(waitMs);
    },
    pauseUntil(time: number) {
      // Fire and forget: the caller waits out the throttle itself; this holds everyone else.
      void dataSource
        .query(
          `INSERT INTO vendor_pacing (key, next_at, blocked_until) VALUES ($1, to_timestamp($2 / 1000.0), to_timestamp($2 / 1000.0))
           ON CONFLICT (key) DO UPDATE SET blocked_until = greatest(vendor_pacing.blocked_until, EXCLUDED.blocked_until)`,
          [key, time],
        )
        .catch(() => undefined);
    },
  };
}
