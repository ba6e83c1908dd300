import { describe, expect, it } from 'vitest';
import { RateLimiter, sharedRateLimiter } from './rate-limiter';

async function times(limiter: RateLimiter, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await limiter.acquire();
    out.push(Date.now());
  }
  return out;
}

describe('RateLimiter', () => {
  it('spaces requests evenly at the limit (burst 1)', async () => {
    const t = await times(new RateLimiter({ requests: 20, perMs: 1000 }), 6);
    const gaps = t.slice(1).map((x, i) => x - (t[i] as number));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(49);
    expect((t[5] as number) - (t[0] as number)).toBeLessThan(400);
  });

  it('never lets limit+1 requests into one rolling window, even with a burst', async () => {
    const limiter = new RateLimiter({ requests: 5, perMs: 500, burst: 5 });
    const t = await times(limiter, 11);
    for (let i = 5; i < t.length; i++) expect((t[i] as number) - (t[i - 5] as number)).toBeGreaterThanOrEqual(500);
    // The first five go back to back.
    expect((t[4] as number) - (t[0] as number)).toBeLessThan(50);
  });

  it('holds every caller during a pause (Retry-After)', async () => {
    const limiter = new RateLimiter({ requests: 1000, perMs: 1000, burst: 10 });
    await limiter.acquire();
    const start = Date.now();
    limiter.pauseUntil(start + 300);
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(Date.now() - start).toBeGreaterThanOrEqual(295);
  });

  it('is shared per key within the process', () => {
    const spec = { requests: 1, perMs: 1000 };
    expect(sharedRateLimiter('a', spec)).toBe(sharedRateLimiter('a', spec));
    expect(sharedRateLimiter('a', spec)).not.toBe(sharedRateLimiter('b', spec));
  });
});
