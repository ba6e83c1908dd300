import { startLitmosSimulator } from '@rolecall/presets/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launched, runWorkflow, staleLitmosGraph } from './support/engine-fixtures';
import { integrationFor, simulatorPool } from './support/load-fixtures';
import { runLoad, startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
const sims = simulatorPool();

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await sims.closeAll();
  await t?.close();
});

const DAY_MS = 86_400_000;

describe('GET /api/dashboard', () => {
  it('starts with an empty checklist and thirty empty days', async () => {
    const { status, body } = await t.api('GET', '/api/dashboard');
    expect(status).toBe(200);
    expect(body.checklist).toEqual({ credentials: 0, integrations: 0, launchedIntegrations: 0, completedLoads: 0, saasUsers: 0, workflows: 0, launchedWorkflows: 0 });
    for (const days of [body.loadRunsByDay, body.workflowRunsByDay]) {
      expect(days).toHaveLength(30);
      expect(days.at(-1).day).toBe(new Date().toISOString().slice(0, 10));
      expect(days.every((d: { completed: number; failed: number }) => d.completed === 0 && d.failed === 0)).toBe(true);
    }
  });

  it('counts seats, inactive seats, deactivations, runs and what is failing after real loads', async () => {
    const sim = await sims.start(startLitmosSimulator({ users: 40, rateLimit: false }));
    const good = await integrationFor(t, 'litmos', sim, 'Dashboard Litmos');
    expect((await runLoad(t, good)).status).toBe('completed');

    const bad = await integrationFor(t, 'litmos', { ...sim, credentials: { ...sim.credentials, apiKey: 'wrong-key' } }, 'Dashboard broken');
    expect((await runLoad(t, bad)).status).toBe('failed');
    const badCredential = (await t.api('GET', `/api/integrations/${bad}`)).body.credentialId;
    expect((await t.api('POST', `/api/credentials/${badCredential}/test`)).body.ok).toBe(false);

    const apps = (await t.api('GET', '/api/saas-apps')).body as { id: string; name: string }[];
    const app = apps.find((a) => a.name === 'Dashboard Litmos')!;
    const users = (await t.api('GET', `/api/saas-users?app=${app.id}&pageSize=500`)).body.items as { id: string; status: string; lastLoginAt: string | null }[];
    const victim = users.find((u) => u.status === 'active')!;
    expect((await t.api('PATCH', `/api/saas-users/${victim.id}`, { status: 'deactivated' })).status).toBe(200);

    // One workflow only drawn, one launched and dry-run: only the launched one ticks "launch".
    const goodCredential = (await t.api('GET', `/api/integrations/${good}`)).body.credentialId;
    expect((await t.api('POST', '/api/workflows', { name: 'Dashboard draft' })).status).toBe(201);
    const workflow = await launched(t, 'Dashboard stale users', staleLitmosGraph(app.id, goodCredential));
    expect((await runWorkflow(t, workflow.id, 'dryRun')).status).toBe('completed');

    const { body } = await t.api('GET', '/api/dashboard');
    const active = users.filter((u) => u.status === 'active' && u.id !== victim.id);
    const idleSince = (days: number) =>
      active.filter((u) => u.lastLoginAt === null || Date.parse(u.lastLoginAt) < Date.now() - days * DAY_MS).length;
    const seats = body.apps.find((a: { appId: string }) => a.appId === app.id);
    expect(seats).toEqual({
      appId: app.id,
      appName: 'Dashboard Litmos',
      activeUsers: active.length,
      inactive90: idleSince(90),
      inactive365: idleSince(365),
    });
    expect(seats.inactive90).toBeGreaterThan(0);
    expect(seats.inactive365).toBeLessThan(seats.inactive90);
    expect(body.checklist).toMatchObject({ credentials: 2, integrations: 2, completedLoads: 1, saasUsers: active.length, workflows: 2, launchedWorkflows: 1 });
    expect(body.workflowRunsByDay.at(-1)).toMatchObject({ completed: 1, failed: 0 });
    expect(body.deactivationsThisMonth).toBeGreaterThanOrEqual(1);
    expect(body.loadRunsByDay.at(-1)).toMatchObject({ completed: 1, failed: 1 });
    expect(body.failingLoads).toEqual([expect.objectContaining({ integrationId: bad, integrationName: 'Dashboard broken', error: expect.any(String) })]);
    expect(body.failingCredentials).toEqual([expect.objectContaining({ credentialId: badCredential, message: expect.any(String) })]);
  });
});

describe('GET /api/load-runs', () => {
  it('lists every integration’s runs newest first with their names, filtered by status and integration', async () => {
    const all = await t.api('GET', '/api/load-runs');
    expect(all.status, all.text).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((r: { integrationName: string }) => r.integrationName)).toEqual(['Dashboard broken', 'Dashboard Litmos']);
    const failed = (await t.api('GET', '/api/load-runs?status=failed')).body;
    expect(failed.items).toEqual([expect.objectContaining({ status: 'failed', integrationName: 'Dashboard broken', error: expect.any(String) })]);
    const one = (await t.api('GET', `/api/load-runs?integrationId=${failed.items[0].integrationId}&trigger=manual`)).body;
    expect(one.total).toBe(1);
    expect((await t.api('GET', '/api/load-runs?trigger=schedule')).body.total).toBe(0);
    expect((await t.api('GET', '/api/load-runs?status=bogus')).status).toBe(400);

    // Launched, the integration's runs name the schedule's next load (Temporal lists schedules eventually).
    const good = all.body.items.find((r: { integrationName: string }) => r.integrationName === 'Dashboard Litmos');
    expect((await t.api('POST', `/api/integrations/${good.integrationId}/launch`)).status).toBe(200);
    await expect
      .poll(async () => (await t.api('GET', `/api/load-runs?integrationId=${good.integrationId}`)).body.items[0].nextScheduledAt, { timeout: 15_000 })
      .toEqual(expect.any(String));
    const next = Date.parse((await t.api('GET', `/api/load-runs?integrationId=${good.integrationId}`)).body.items[0].nextScheduledAt);
    expect(next).toBeGreaterThan(Date.now() - 60_000);
    expect(next).toBeLessThanOrEqual(Date.now() + DAY_MS + 60_000);
    expect((await t.api('GET', '/api/load-runs?status=failed')).body.items[0].nextScheduledAt).toBeNull();
  });
});

describe('a run’s error log', () => {
  it('shows each failed record’s email and name, finds entries by name and exports them as CSV', async () => {
    const sim = await sims.start(startLitmosSimulator({ users: 8, rateLimit: false }));
    // Emails read from the first-name field: every record fails with a reason naming the value.
    const id = await integrationFor(t, 'litmos', sim, 'Broken emails', { mappings: { email: { from: ['FirstName'] } } });
    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: expect.stringMatching(/^completed/), failed: 8 });
    const first = run.errors[0].record as { firstName: string; lastName: string };
    expect(first.firstName).toEqual(expect.any(String));

    const found = (await t.api('GET', `/api/integrations/${id}/runs/${run.id}?errorsQ=${encodeURIComponent(first.lastName)}`)).body;
    expect(found.errorsTotal).toBeGreaterThanOrEqual(1);
    expect(found.errorsTotal).toBeLessThan(8);
    for (const e of found.errors) expect(JSON.stringify(e)).toContain(first.lastName);

    const csv = await t.api('GET', `/api/integrations/${id}/runs/${run.id}/errors.csv`);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('externalId,email,firstName,lastName,outcome,reason,page');
    expect(lines).toHaveLength(9);
    expect(csv.text).toContain(`,${first.firstName},${first.lastName},failed,`);
    expect((await t.api('GET', `/api/integrations/${id}/runs/00000000-0000-4000-8000-000000000000/errors.csv`)).status).toBe(404);
  });
});
