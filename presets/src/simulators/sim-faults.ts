import { prng } from './seeded-random';

/** Fault injection rates (0..1) and delays; decided by a seeded PRNG so runs are reproducible. */
export interface SimFaults {
  /** Share of requests answered with the vendor's throttle signal. */
  throttleRate?: number;
  /** Share answered with HTTP 500. */
  errorRate?: number;
  /** Share whose (successful) JSON body is truncated. */
  malformedRate?: number;
  /** Added to every response. */
  latencyMs?: number;
  /** Retry-After (seconds) on injected throttles; omitted when the vendor sends none (Litmos, Lever). */
  retryAfterSeconds?: number;
}

export type FaultDecision = 'throttle' | 'error' | 'malformed' | null;

/** Draws one fault decision per request. */
export class FaultInjector {
  private readonly rand: () => number;
  constructor(
    public faults: SimFaults,
    seed: number,
  ) {
    this.rand = prng(seed ^ 0xfa17);
  }

  decide(): FaultDecision {
    const r = this.rand();
    const { throttleRate = 0, errorRate = 0, malformedRate = 0 } = this.faults;
    if (r < throttleRate) return 'throttle';
    if (r < throttleRate + errorRate) return 'error';
    if (r < throttleRate + errorRate + malformedRate) return 'malformed';
    return null;
  }
}
