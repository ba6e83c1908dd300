import type { RateLimitSpec, RequestLimiter } from '@rolecall/presets';
import type { DataSource } from 'typeorm';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A RequestLimiter shared by every process on the same database: a sliding log of the budget's
 * last `requests` start times, so a fresh budget is spent at once and the next request waits
 * until the oldest of them leaves the window. That is the floor every vendor we pace allows:
 * Litmos counts a rolling window, a fixed window (GitHub, Planhat) never holds more than any
 * rolling window of the same length, and Lever's bucket (10/s, bursts of 20) takes 10 at once.
 *
 * Each request reserves its start in one statement: ON CONFLICT DO UPDATE locks the budget's row,
 * so concurrent reservations queue on that lock for one statement only and each one sees the
 * log its predecessor wrote; the caller then sleeps without holding a connection. A window
 * counts as `perMs` plus max(250 ms, 2 %): the vendor counts arrivals, and a busy worker (a
 * stalled event loop, a slow TLS handshake) can delay one request's arrival after its reserved
 * start by far more than network jitter; 50 ms proved too little on a loaded two-core machine.
 * At Litmos' 100/min that costs 1.2 s a window (2 %).
 * The database's clock decides, so workers on different hosts agree.
 */
/**
 * The pacing key of one vendor account: every caller spending a credential's budget (loads,
 * previews, workflow runs) must use this same key, or each would get a budget of its own.
 */
export function vendorAccountKey(presetId: string, credentialId: string): string {
  return `${presetId}:${credentialId}`;
}

export function createPostgresPacer(dataSource: DataSource, key: string, spec: RateLimitSpec): RequestLimiter {
  const windowMs = spec.perMs + Math.max(250, spec.perMs * 0.02);
  return {
    async acquire() {
      // The start is the latest of: now, a throttle's hold, the newest reservation (the log stays
      // ordered) and the `requests`-th newest start plus a window. The log keeps the last
      // `requests` - 1 starts that can still share a window with a later one, then this start.
      const [row] = (await dataSource.query(
        `INSERT INTO vendor_pacing AS p (key, sent_at) VALUES ($1, ARRAY[clock_timestamp()])
         ON CONFLICT (key) DO UPDATE SET sent_at = array_append(
           ARRAY(SELECT t FROM unnest(p.sent_at[cardinality(p.sent_at) - $2 + 2:]) AS t
                 WHERE t > clock_timestamp() - make_interval(secs => $3 / 1000.0) ORDER BY t),
           greatest(
             clock_timestamp(),
             p.blocked_until,
             p.sent_at[cardinality(p.sent_at)],
             p.sent_at[cardinality(p.sent_at) - $2 + 1] + make_interval(secs => $3 / 1000.0)))
         RETURNING extract(epoch FROM (sent_at[cardinality(sent_at)] - clock_timestamp())) * 1000 AS wait_ms`,
        [key, spec.requests, windowMs],
      )) as { wait_ms: string }[];
      const waitMs = Number(row?.wait_ms ?? 0);
      if (waitMs > 0) await sleep(waitMs);
    },
    pauseUntil(time: number) {
      // Fire and forget: the caller waits out the throttle itself; this holds everyone else.
      void dataSource
        .query(
          `INSERT INTO vendor_pacing (key, blocked_until) VALUES ($1, to_timestamp($2 / 1000.0))
           ON CONFLICT (key) DO UPDATE SET blocked_until = greatest(vendor_pacing.blocked_until, EXCLUDED.blocked_until)`,
          [key, time],
        )
        .catch(() => undefined);
    },
  };
}
