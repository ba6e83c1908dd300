import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userLoadContract } from '@rolecall/workflows';
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPORAL_CLIENT } from '../src/temporal/temporal.constants';
import { createTestDatabase, type TestDatabase } from './support/test-env';
import { sql, startVaultApp, tempDataDir, type RunningApp } from './support/vault-app';

const key = () => randomBytes(32).toString('base64');
const unique = (s: string) => `${s} ${randomUUID().slice(0, 8)}`;
const LONG_KEY = `sk-${randomBytes(16).toString('hex')}x9Zq`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function scheduleExists(temporal: Client, id: string): Promise<boolean> {
  try {
    await temporal.schedule.getHandle(id).describe();
    return true;
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) return false;
    throw err;
  }
}

/** A launched Lever integration (its credential points nowhere: no load runs in these tests). */
async function launched(app: RunningApp): Promise<string> {
  const cred = await app.call('POST', '/api/credentials', { name: unique('Lever'), presetId: 'lever', fields: { apiKey: LONG_KEY } });
  const created = await app.call('POST', '/api/integrations', {
    name: unique('Lever load'),
    presetId: 'lever',
    credentialId: cred.json.id,
    syncKeys: [{ field: 'externalId', priority: 1 }],
  });
  expect((await app.call('POST', `/api/integrations/${created.json.id}/launch`)).status).toBe(200);
  return created.json.id as string;
}

describe('state that heals itself at boot', () => {
  let db: TestDatabase;
  const env = { ROLECALL_MASTER_KEY: key(), TEMPORAL_TASK_QUEUE: `test-${randomUUID()}` };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('recreates missing schedules, removes orphaned ones and fails runs whose workflow is gone', async () => {
    const first = await startVaultApp(db.url, env);
    let temporal = first.app.get<Client>(TEMPORAL_CLIENT);
    const active = await launched(first);
    const draft = (await first.call('POST', '/api/integrations', { name: unique('Draft'), presetId: 'lever' })).json.id as string;
    const installationId = (await sql<{ id: string }>(db.url, 'SELECT id FROM installation'))[0]!.id;
    // Temporal lost the active one's schedule; it holds one of a deleted integration and one of a draft.
    await temporal.schedule.getHandle(userLoadContract.ids.schedule(active)).delete();
    const orphan = userLoadContract.ids.schedule(randomUUID());
    // Another installation sharing this Temporal: its schedule (and its memo, encrypted with other
    // keys) must neither be touched nor stop the reconcile.
    const foreign = userLoadContract.ids.schedule(randomUUID());
    const schedules = [
      { id: orphan, owner: installationId },
      { id: userLoadContract.ids.schedule(draft), owner: installationId },
      { id: foreign, owner: randomUUID() },
    ];
    for (const { id, owner } of schedules) {
      await temporal.schedule.create({
        scheduleId: id,
        spec: { intervals: [{ every: '1d' }] },
        action: { type: 'startWorkflow', workflowType: 'userLoad', taskQueue: env.TEMPORAL_TASK_QUEUE, args: [] },
        state: { note: `User load "gone" (installation ${owner})` },
        ...(owner === installationId ? {} : { memo: { installationId: owner } }),
      });
    }
    // A run whose workflow never existed (its Temporal data is gone), from before the restart.
    const stale = randomUUID();
    await sql(
      db.url,
      `INSERT INTO integration_run (id, integration_id, load_key, workflow_id, trigger, status, started_at)
       VALUES ($1, $2, $3, $4, 'schedule', 'running', now() - interval '10 minutes')`,
      [stale, active, `gone/${stale}`, `user-load-${active}-gone`],
    );
    await first.close();

    const second = await startVaultApp(db.url, env);
    temporal = second.app.get<Client>(TEMPORAL_CLIENT);
    try {
      await until('the schedule to come back', async () => ((await scheduleExists(temporal, userLoadContract.ids.schedule(active))) ? true : undefined));
      await until('the orphans to go', async () =>
        !(await scheduleExists(temporal, orphan)) && !(await scheduleExists(temporal, userLoadContract.ids.schedule(draft))) ? true : undefined,
      );
      expect(await scheduleExists(temporal, foreign)).toBe(true);
      await temporal.schedule.getHandle(foreign).delete();
      const [run] = await sql<{ status: string; error: string }>(db.url, 'SELECT status, error FROM integration_run WHERE id = $1', [stale]);
      expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/no longer exists.*retry it/) });

      // A run found stale after boot is failed when it is read.
      const later = randomUUID();
      await sql(
        db.url,
        `INSERT INTO integration_run (id, integration_id, load_key, workflow_id, trigger, status, started_at)
         VALUES ($1, $2, $3, $4, 'manual', 'queued', now() - interval '10 minutes')`,
        [later, active, `gone/${later}`, `user-load-${active}-manual-${later}`],
      );
      const read = await second.call('GET', `/api/integrations/${active}/runs/${later}`);
      expect(read.json).toMatchObject({ status: 'failed', error: expect.stringMatching(/no longer exists/) });
      // …and can be retried: a new run of the same integration.
      const retried = await second.call('POST', `/api/integrations/${active}/runs/${later}/retry`);
      expect(retried.status).toBe(202);
      expect(retried.json).toMatchObject({ integrationId: active, trigger: 'manual' });
      expect(retried.json.id).not.toBe(later);
      const cancelled = await second.call('POST', `/api/integrations/${active}/runs/${retried.json.id}/cancel`);
      expect(cancelled.json).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) });
      // No worker polls this queue, so the workflow holds the cancel request instead of closing.
      const history = await temporal.workflow.getHandle(retried.json.workflowId).fetchHistory();
      expect(history.events?.some((e) => e.workflowExecutionCancelRequestedEventAttributes)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe('a vault whose keys do not open the stored secrets', () => {
  it('reports degraded health naming the credentials to signed-in callers only, answers 409 saying what to do, and clears once repaired', async () => {
    const db = await createTestDatabase();
    const queue = { TEMPORAL_TASK_QUEUE: `test-${randomUUID()}` };
    try {
      const before = await startVaultApp(db.url, { ...queue, ROLECALL_MASTER_KEY: key() });
      const cred = await before.call('POST', '/api/credentials', { name: unique('Lever'), presetId: 'lever', fields: { apiKey: LONG_KEY } });
      await before.close();

      const after = await startVaultApp(db.url, { ...queue, ROLECALL_MASTER_KEY: key() });
      try {
        const health = await after.call('GET', '/api/health');
        expect(health.status).toBe(503);
        expect(health.json.status).toBe('degraded');
        expect(health.json.services.vault.status).toBe('down');
        expect(health.json.services.vault.error).toContain(cred.json.id);
        expect(health.json.services.vault.error).toMatch(/restore the vault key file.*PATCH/);
        // An anonymous probe learns that something is wrong, not which credentials.
        const anonymous = await fetch(`${after.base}/api/health`);
        expect(anonymous.status).toBe(503);
        const told = ((await anonymous.json()) as { services: { vault: { status: string; error: string } } }).services.vault;
        expect(told).toMatchObject({ status: 'down', error: expect.stringMatching(/^1 stored credential cannot be decrypted.*sign in/) });
        expect(told.error).not.toContain(cred.json.id);
        expect(told.error).not.toContain(cred.json.name);

        const test = await after.call('POST', `/api/credentials/${cred.json.id}/test`);
        expect(test.status).toBe(409);
        expect(test.json.message).toMatch(/cannot be decrypted.*enter its secret fields again/);

        expect((await after.call('PATCH', `/api/credentials/${cred.json.id}`, { fields: { apiKey: LONG_KEY } })).status).toBe(200);
        const repaired = await after.call('GET', '/api/health');
        expect(repaired.json.services.vault.status).toBe('up');
      } finally {
        await after.close();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('the data dir and its database', () => {
  it('ties them together and refuses a data dir that belongs to another installation', async () => {
    const db = await createTestDatabase();
    const queue = { TEMPORAL_TASK_QUEUE: `test-${randomUUID()}` };
    try {
      const dir = tempDataDir();
      const owner = await startVaultApp(db.url, { ...queue, ROLECALL_DATA_DIR: dir });
      await owner.close();
      const id = readFileSync(join(dir, 'installation-id'), 'utf8').trim();
      expect((await sql<{ id: string }>(db.url, 'SELECT id FROM installation'))[0]!.id).toBe(id);
      // The same pair boots again.
      await (await startVaultApp(db.url, { ...queue, ROLECALL_DATA_DIR: dir })).close();

      // A fresh data dir (a second checkout, a recreated .rolecall/) on the same database is refused.
      const fresh = tempDataDir();
      await expect(startVaultApp(db.url, { ...queue, ROLECALL_DATA_DIR: fresh })).rejects.toThrow(
        new RegExp(`database belongs to installation ${id}.*ROLECALL_DATA_DIR.*DATABASE_URL`),
      );
    } finally {
      await db.drop();
    }
  });
});
