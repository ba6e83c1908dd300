import { randomBytes, randomUUID } from 'node:crypto';
import { simulatorClient, startLeverSimulator, startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPacer, vendorAccountKey } from '../src/vendor-pacing/postgres-pacer';
import { workerProcesses } from './support/worker-process';
import { integrationFor } from './support/load-fixtures';
import { runLoad, startTestApp, waitForRun, type TestApp } from './support/rolecall-app';

describe('user loads under failure and at scale', () => {
  const taskQueue = `test-${randomUUID()}`;
  const masterKey = randomBytes(32).toString('base64');
  let t: TestApp;
  const sims: SimulatorHandle[] = [];

  // Standalone worker processes (the compiled one a deployment runs), on this test's queue.
  const workers = workerProcesses(() => ({ databaseUrl: t.db.url, taskQueue, masterKey }));
  const startWorker = () => workers.start();

  beforeAll(async () => {
    // The API runs here without a worker; workers are separate processes we can kill.
    t = await startTestApp({ TEMPORAL_TASK_QUEUE: taskQueue, ROLECALL_MASTER_KEY: masterKey, ROLECALL_EMBEDDED_WORKER: 'false' });
  });

  afterAll(async () => {
    workers.killAll();
    await Promise.all(sims.map((s) => s.close()));
    await t?.close();
  });

  it('completes with no duplicate and no lost record when the worker is SIGKILLed mid-load', async () => {
    // Lever pages hold 100 users; 40 ms per response makes 30 pages take long enough to kill into.
    const lever = await startLeverSimulator({ users: 3_000, rateLimit: false, faults: { latencyMs: 40 } });
    sims.push(lever);
    const integrationId = await integrationFor(t, 'lever', lever, 'Lever durability');
    const first = startWorker();
    const started = await t.api('POST', `/api/integrations/${integrationId}/run`);
    expect(started.status).toBe(202);

    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await t.api('GET', `/api/integrations/${integrationId}/runs/${started.body.id}`);
      if (body.pagesDone >= 8) break;
      if (Date.now() > deadline) throw new Error(`load made no progress: ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    first.kill('SIGKILL');
    startWorker();

    const run = await waitForRun(t, integrationId, started.body.id, 120_000);
    expect(run).toMatchObject({ status: 'completed', fetched: 3_000, created: 3_000, updated: 0, skipped: 0, failed: 0 });

    const db = t.app.get(DataSource);
    const [{ rows, distinct }] = await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT external_id)::int AS distinct FROM saas_user u JOIN saas_app a ON a.id = u.app_id WHERE a.name = $1`,
      ['Lever durability'],
    );
    expect(rows).toBe(3_000);
    expect(distinct).toBe(3_000);
    const [{ events }] = await db.query(
      `SELECT count(*)::int AS events FROM inventory_event e JOIN saas_app a ON a.id = e.app_id WHERE a.name = $1 AND e.type = 'saasUser.created'`,
      ['Lever durability'],
    );
    expect(events).toBe(3_000);
  });

  it('shares one vendor budget between the worker process and any other process using the credential', async () => {
    // 10 requests per rolling second at the vendor: a worker alone spends exactly that,
    // so a second process using the same credential must take its slots from the same budget.
    const lever = await startLeverSimulator({ users: 1_500, rateLimit: { kind: 'rolling', limit: 10, windowMs: 1_000 } });
    sims.push(lever);
    if (workers.alive().length === 0) startWorker();
    const credential = await t.api('POST', '/api/credentials', { name: 'Lever shared budget', presetId: 'lever', baseUrl: lever.url, fields: lever.credentials });
    const budget = { requests: 10, perMs: 1_000 };
    const integration = await t.api('POST', '/api/integrations', {
      name: 'Lever shared budget',
      presetId: 'lever',
      credentialId: credential.body.id,
      appName: 'Lever shared budget',
      syncKeys: [{ field: 'externalId', priority: 1 }],
      rateLimit: budget,
    });
    const started = Date.now();
    const run = await t.api('POST', `/api/integrations/${integration.body.id}/run`);
    // This test process plays a second worker listing the same vendor account at the same time.
    const other = simulatorClient('lever', lever, {
      rateLimitOverride: budget,
      maxAttempts: 1,
      limiter: createPostgresPacer(t.app.get(DataSource), vendorAccountKey('lever', credential.body.id), budget),
    });
    let listed = 0;
    for await (const page of other.listUsers()) listed += page.users.length;
    const finished = await waitForRun(t, integration.body.id, run.body.id, 120_000);
    const seconds = (Date.now() - started) / 1000;

    expect(listed).toBe(1_500);
    expect(finished).toMatchObject({ status: 'completed', created: 1_500 });
    const { total, throttled } = lever.counters.snapshot();
    expect(throttled).toBe(0);
    expect(total).toBe(2 * 15);
    // 30 requests at 10 per second cannot take less than two windows (2 s) if they really shared
    // the budget; alone, each process's 15 would finish in about one (1 s).
    expect(seconds).toBeGreaterThan(2);
  });

  it('loads 100k Litmos users', async () => {
    const litmos = await startLitmosSimulator({ users: 100_000, rateLimit: false });
    sims.push(litmos);
    if (workers.alive().length === 0) startWorker();
    const integrationId = await integrationFor(t, 'litmos', litmos, 'Litmos 100k');
    const started = Date.now();
    const run = await runLoad(t, integrationId);
    const seconds = (Date.now() - started) / 1000;
    expect(run).toMatchObject({ status: 'completed', fetched: 100_000, created: 100_000, failed: 0 });
    // Pages of 1000 overlapping by 10 (so a mid-load deletion skips no one): starts 0, 990, …, 99000, then 99990.
    expect(run.pagesDone).toBe(102);
    const [{ rows }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS rows FROM saas_user u JOIN saas_app a ON a.id = u.app_id WHERE a.name = 'Litmos 100k'`);
    expect(rows).toBe(100_000);
    console.log(`100k Litmos users loaded in ${seconds.toFixed(1)} s (${Math.round(100_000 / seconds)} records/s)`);
  }, 300_000);
});
