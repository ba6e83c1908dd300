/**
 * Vendor-side rate limiting for the simulators, with the vendor's own semantics: a rolling
 * window (Litmos: 100 per 60 s per key), a token bucket (Lever: 10/s, bursts of 20) or a fixed
 * window with a reset time (GitHub hourly budget, Planhat's per-minute quota).
 */

export type SimRateLimit =
  | { kind: 'rolling'; limit: number; windowMs: number }
  | { kind: 'tokenBucket'; ratePerSecond: number; burst: number }
  | { kind: 'fixed'; limit: number; windowMs: number };

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when budget frees up. */
  resetAtMs: number;
  used: number;
}

/** Per-key rate limiter state; rejected requests do not consume budget. */
export class SimRateLimiter {
  private readonly rolling = new Map<string, number[]>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly fixed = new Map<string, { start: number; count: number }>();

  constructor(readonly spec: SimRateLimit) {}

  check(key: string, now = Date.now()): RateDecision {
    const spec = this.spec;
    switch (spec.kind) {
      case 'rolling': {
        const log = this.rolling.get(key) ?? [];
        while (log.length && (log[0] as number) <= now - spec.windowMs) log.shift();
        const allowed = log.length < spec.limit;
        if (allowed) log.push(now);
        this.rolling.set(key, log);
        const resetAtMs = (log[0] ?? now) + spec.windowMs;
        return { allowed, limit: spec.limit, remaining: spec.limit - log.length, resetAtMs, used: log.length };
      }
      case 'tokenBucket': {
        const b = this.buckets.get(key) ?? { tokens: spec.burst, at: now };
        b.tokens = Math.min(spec.burst, b.tokens + ((now - b.at) / 1000) * spec.ratePerSecond);
        b.at = now;
        const allowed = b.tokens >= 1;
        if (allowed) b.tokens -= 1;
        this.buckets.set(key, b);
        const resetAtMs = now + Math.ceil(((1 - Math.min(1, b.tokens)) / spec.ratePerSecond) * 1000);
        return { allowed, limit: spec.burst, remaining: Math.floor(b.tokens), resetAtMs, used: spec.burst - Math.floor(b.tokens) };
      }
      case 'fixed': {
        let w = this.fixed.get(key);
        if (!w || now >= w.start + spec.windowMs) {
          w = { start: now, count: 0 };
          this.fixed.set(key, w);
        }
        const allowed = w.count < spec.limit;
        if (allowed) w.count += 1;
        return { allowed, limit: spec.limit, remaining: spec.limit - w.count, resetAtMs: w.start + spec.windowMs, used: w.count };
      }
    }
  }

  /** Budget state without consuming (for headers on rejected-before-limit responses). */
  peek(key: string, now = Date.now()): RateDecision {
    const spec = this.spec;
    if (spec.kind === 'fixed') {
      const w = this.fixed.get(key);
      const live = w && now < w.start + spec.windowMs ? w : { start: now, count: 0 };
      return { allowed: live.count < spec.limit, limit: spec.limit, remaining: spec.limit - live.count, resetAtMs: live.start + spec.windowMs, used: live.count };
    }
    const limit = spec.kind === 'rolling' ? spec.limit : spec.burst;
    return { allowed: true, limit, remaining: limit, resetAtMs: now, used: 0 };
  }
}
