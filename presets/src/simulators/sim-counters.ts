/** One recorded call to a simulator. */
export interface SimCall {
  /** "METHOD /route/:pattern" */
  endpoint: string;
  status: number;
  userId?: string;
  /** The query parameters sent (what tests check vendor-mandated parameters against). */
  query?: Record<string, string>;
  /** Arrival time (epoch ms). */
  atMs: number;
}

/**
 * Counters of every call a simulator receives: per endpoint (method + route pattern), per user
 * id, and throttled responses — what exactly-once and request-budget tests assert on.
 */
export class SimCounters {
  total = 0;
  /** Responses carrying the vendor's throttle signal (real limit or injected). */
  throttled = 0;
  readonly byEndpoint = new Map<string, number>();
  readonly byStatus = new Map<number, number>();
  private readonly byUser = new Map<string, SimCall[]>();
  /** The most recent calls in arrival order (capped), with whether each was throttled. */
  readonly history: (SimCall & { throttled: boolean })[] = [];
  private static readonly HISTORY_CAP = 50_000;

  record(call: SimCall, throttled: boolean): void {
    this.total += 1;
    if (throttled) this.throttled += 1;
    this.byEndpoint.set(call.endpoint, (this.byEndpoint.get(call.endpoint) ?? 0) + 1);
    this.byStatus.set(call.status, (this.byStatus.get(call.status) ?? 0) + 1);
    this.history.push({ ...call, throttled });
    if (this.history.length > SimCounters.HISTORY_CAP) this.history.shift();
    if (call.userId !== undefined) {
      const list = this.byUser.get(call.userId) ?? [];
      list.push(call);
      this.byUser.set(call.userId, list);
    }
  }

  /** Calls to one endpoint ("GET /users/:id"), optionally only those answered with `status`. */
  calls(endpoint: string, status?: number): number {
    if (status === undefined) return this.byEndpoint.get(endpoint) ?? 0;
    let n = 0;
    for (const list of this.byUser.values()) n += list.filter((c) => c.endpoint === endpoint && c.status === status).length;
    return n;
  }

  /** Every call naming this user id, optionally for one endpoint. */
  userCalls(userId: string, endpoint?: string): SimCall[] {
    const list = this.byUser.get(userId) ?? [];
    return endpoint ? list.filter((c) => c.endpoint === endpoint) : [...list];
  }

  /** Users that received at least one call to `endpoint` with a 2xx answer, with how many. */
  successfulUserCalls(endpoint: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const [id, list] of this.byUser) {
      const n = list.filter((c) => c.endpoint === endpoint && c.status >= 200 && c.status < 300).length;
      if (n) out.set(id, n);
    }
    return out;
  }

  reset(): void {
    this.total = 0;
    this.throttled = 0;
    this.byEndpoint.clear();
    this.byStatus.clear();
    this.byUser.clear();
    this.history.length = 0;
  }

  /** Plain JSON for logs and the CLI. */
  snapshot(): { total: number; throttled: number; byEndpoint: Record<string, number>; byStatus: Record<string, number>; users: number } {
    return {
      total: this.total,
      throttled: this.throttled,
      byEndpoint: Object.fromEntries(this.byEndpoint),
      byStatus: Object.fromEntries(this.byStatus),
      users: this.byUser.size,
    };
  }
}
