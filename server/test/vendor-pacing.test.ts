import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { RateLimitSpec } from '@rolecall/presets';
import { simulatorClient, startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createPostgresPacer } from '../src/vendor-pacing/postgres-pacer';
import { createTestDatabase, type TestDatabase } from './support/test-env';

// Litmos' real rolling-window limit, lowered from 100 per minute so each test takes seconds.
const budget: RateLimitSpec = { requests: 20, perMs: 2_000 };

let db: TestDatabase;
const pools: DataSource[] = [];
const sims: SimulatorHandle[] = [];

/** A DataSource with its own connection pool, as another worker process would have. */
async function openPool(): Promise<DataSource> {
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  pools.push(ds);
  return ds;
}

async function litmos(): Promise<SimulatorHandle> {
  const sim = await startLitmosSimulator({ users: 60, rateLimit: { kind: 'rolling', limit: budget.requests, windowMs: budget.perMs } });
  sims.push(sim);
  return sim;
}

/** `count` concurrent getUser calls through a pacer on `pool`; one attempt each, so a throttle fails the test. */
async function burst(sim: SimulatorHandle, pool: DataSource, key: string, count: number): Promise<void> {
  const client = simulatorClient('litmos', sim, { rateLimitOverride: budget, maxAttempts: 1, limiter: createPostgresPacer(pool, key, budget) });
  await Promise.all(Array.from({ length: count }, (_, i) => client.getUser(sim.state.idAt(i) ?? '')));
}

/** The most requests the simulator received inside any one rolling window of the budget. */
function busiestWindow(sim: SimulatorHandle): number {
  const arrivals = sim.counters.history.map((c) => c.atMs).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < arrivals.length; last++) {
    while ((arrivals[last] as number) - (arrivals[first] as number) >= budget.perMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await (await openPool()).runMigrations({ transaction: 'each' });
});

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await Promise.all(pools.map((p) => p.destroy()));
  await db?.drop();
});

describe('Postgres vendor pacer', () => {
  it('spends a fresh window at once: 34 requests at 20 per 2 s take one window, not even spacing', async () => {
    const sim = await litmos();
    const key = `litmos:${randomUUID()}`;
    const started = performance.now();
    await burst(sim, pools[0] as DataSource, key, 34);
    const seconds = (performance.now() - started) / 1000;

    expect(sim.counters.throttled).toBe(0);
    expect(sim.counters.total).toBe(34);
    expect(busiestWindow(sim)).toBe(budget.requests);
    // The floor is one window (requests 21–34 wait for the first 20 to leave it); evenly spaced
    // requests would need 33 × 0.1 s ≈ 3.4 s.
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThan(2.8);
    const [log] = (await (pools[0] as DataSource).query(`SELECT cardinality(sent_at) AS n FROM vendor_pacing WHERE key = $1`, [key])) as {
      n: number;
    }[];
    expect(log?.n).toBeLessThanOrEqual(budget.requests);
  });

  it('never lets two workers on separate pools put more than the budget into one window', async () => {
    const sim = await litmos();
    const key = `litmos:${randomUUID()}`;
    const other = await openPool();
    const started = performance.now();
    await Promise.all([burst(sim, pools[0] as DataSource, key, 20), burst(sim, other, key, 20)]);
    const seconds = (performance.now() - started) / 1000;

    expect(sim.counters.throttled).toBe(0);
    expect(sim.counters.total).toBe(40);
    expect(busiestWindow(sim)).toBe(budget.requests);
    // Alone, each worker's 20 requests would fit in one window and go at once.
    expect(seconds).toBeGreaterThanOrEqual(2);
  });

  it('counts the requests of an earlier load: a second burst right after the first waits for the window', async () => {
    const sim = await litmos();
    const key = `litmos:${randomUUID()}`;
    await burst(sim, pools[0] as DataSource, key, budget.requests);
    const firstEnded = performance.now();
    // A new load builds a new pacer; only the database remembers the first burst.
    await burst(sim, pools[0] as DataSource, key, 5);

    expect(sim.counters.throttled).toBe(0);
    expect(busiestWindow(sim)).toBe(budget.requests);
    const arrivals = sim.counters.history.map((c) => c.atMs).sort((a, b) => a - b);
    expect((arrivals[budget.requests] as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(budget.perMs);
    expect(performance.now() - firstEnded).toBeGreaterThan(budget.perMs / 2);
  });
});
