/**
 * In-process request pacing for one vendor budget: a token bucket (burst 1 = evenly spaced
 * requests) plus a rolling-window check with a small safety margin, so a vendor that counts
 * requests per rolling window (Litmos: 100 per 60 s) never sees limit+1 inside one window even
 * when network delays vary. Across workers, Temporal task-queue rate limits do the same job.
 */

export interface RateLimitSpec {
  requests: number;
  perMs: number;
  burst?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What the client needs from a limiter. The in-process RateLimiter below is the default; a
 * deployment with several workers passes one that coordinates them (the server's Postgres pacer).
 */
export interface RequestLimiter {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
  /** Holds every caller until `time` (epoch ms): a Retry-After, a budget reset. */
  pauseUntil(time: number): void;
}

export class RateLimiter implements RequestLimiter {
  private readonly interval: number;
  private readonly burst: number;
  private readonly margin: number;
  private tokens: number;
  private refilledAt = Date.now();
  /** Start times of the last `requests` requests, oldest first. */
  private readonly window: number[] = [];
  private blockedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly spec: RateLimitSpec) {
    this.interval = spec.perMs / spec.requests;
    this.burst = Math.min(spec.burst ?? 1, spec.requests);
    this.tokens = this.burst;
    this.margin = Math.max(50, Math.round(spec.perMs * 0.005));
  }

  /** Resolves when the caller may send one request; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every caller until `time` (a throttle response's Retry-After, a budget reset). */
  pauseUntil(time: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, time);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / this.interval);
    this.refilledAt = now;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.refill(now);
      const tokenWait = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.interval);
      const oldest = this.window.length >= this.spec.requests ? this.window[0] : undefined;
      const windowWait = oldest === undefined ? 0 : oldest + this.spec.perMs + this.margin - now;
      const wait = Math.max(tokenWait, windowWait, this.blockedUntil - now);
      if (wait <= 0) {
        this.tokens -= 1;
        this.window.push(now);
        if (this.window.length > this.spec.requests) this.window.shift();
        return;
      }
      await sleep(wait);
    }
  }
}

const shared = new Map<string, RateLimiter>();

/** The limiter shared by every client in this process with the same key (preset, host, credential). */
export function sharedRateLimiter(key: string, spec: RateLimitSpec): RateLimiter {
  const fullKey = `${key}|${spec.requests}/${spec.perMs}/${spec.burst ?? 1}`;
  let limiter = shared.get(fullKey);
  if (!limiter) {
    limiter = new RateLimiter(spec);
    shared.set(fullKey, limiter);
  }
  return limiter;
}
