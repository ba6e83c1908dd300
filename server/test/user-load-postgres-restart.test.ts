import { startLeverSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationFor } from './support/load-fixtures';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { startTestApp, waitForRun, type TestApp } from './support/rolecall-app';

describe('user loads across a Postgres restart', () => {
  let pg: PrivatePostgres;
  let t: TestApp;
  let lever: SimulatorHandle;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    t = await startTestApp({}, pg.url);
    // 30 pages of 100 at 40 ms per response: long enough to restart the database in the middle.
    lever = await startLeverSimulator({ users: 3_000, rateLimit: false, faults: { latencyMs: 40 } });
  }, 600_000);

  afterAll(async () => {
    await lever?.close();
    await t?.close();
    await pg?.destroy();
  });

  it('completes with no duplicate and no lost record when Postgres restarts mid-load', async () => {
    const integrationId = await integrationFor(t, 'lever', lever, 'Lever restart');
    const started = await t.api('POST', `/api/integrations/${integrationId}/run`);
    expect(started.status, started.text).toBe(202);

    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await t.api('GET', `/api/integrations/${integrationId}/runs/${started.body.id}`);
      if (body.pagesDone >= 5) break;
      if (Date.now() > deadline) throw new Error(`load made no progress: ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await pg.stop();
    // Down long enough for page writes, pacing and heartbeats' progress reads to fail.
    await new Promise((r) => setTimeout(r, 3_000));
    await pg.start();

    const run = await waitForRun(t, integrationId, started.body.id, 180_000);
    expect(run).toMatchObject({ status: 'completed', fetched: 3_000, created: 3_000, updated: 0, skipped: 0, failed: 0, error: null });
    const [{ rows, distinct, events }] = await t.app.get(DataSource).query(
      `SELECT count(*)::int AS rows, count(DISTINCT u.external_id)::int AS distinct,
         (SELECT count(*)::int FROM inventory_event e WHERE e.app_id = a.id AND e.type = 'saasUser.created') AS events
       FROM saas_user u JOIN saas_app a ON a.id = u.app_id WHERE a.name = $1 GROUP BY a.id`,
      ['Lever restart'],
    );
    expect({ rows, distinct, events }).toEqual({ rows: 3_000, distinct: 3_000, events: 3_000 });
  }, 300_000);
});
