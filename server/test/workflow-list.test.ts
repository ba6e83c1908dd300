import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launched, loadApp, roleAuditGraph, runWorkflow } from './support/engine-fixtures';
import { startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
let litmos: SimulatorHandle;
let app: { appId: string; credentialId: string };

beforeAll(async () => {
  t = await startTestApp();
  litmos = await startLitmosSimulator({ users: 5, rateLimit: false, seed: 7 });
  app = await loadApp(t, 'litmos', litmos, 'Litmos list');
});

afterAll(async () => {
  await litmos?.close();
  await t?.close();
});

async function listed(id: string): Promise<any> {
  const res = await t.api('GET', '/api/workflows');
  expect(res.status).toBe(200);
  return res.body.find((w: any) => w.id === id);
}

describe('GET /api/workflows list items', () => {
  it('a launched scheduled workflow shows its trigger and the next start of its Temporal Schedule', async () => {
    const trigger = { kind: 'schedule', schedule: { kind: 'cron', cron: '0 2 * * *' }, timeZone: 'Europe/Berlin' };
    const { id } = await launched(t, 'Nightly audit', roleAuditGraph(app.appId, app.credentialId, trigger));
    const item = await listed(id);
    expect(item).toMatchObject({ status: 'active', latestVersion: 1, trigger: { kind: 'schedule', summary: 'Every day at 02:00 Europe/Berlin' }, lastRun: null, nextRunKnown: true });
    const next = new Date(item.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(next)).toBe('02:00');

    expect((await t.api('POST', `/api/workflows/${id}/pause`)).status).toBe(200);
    expect(await listed(id)).toMatchObject({ status: 'paused', nextRunAt: null, nextRunKnown: true });
  });

  it('a run shows as the last run; drafts have no next run and say what their Begin is', async () => {
    const { id } = await launched(t, 'Audit by hand', roleAuditGraph(app.appId, app.credentialId));
    const run = await runWorkflow(t, id, 'dryRun');
    expect(await listed(id)).toMatchObject({
      trigger: { kind: 'manual', summary: 'Manual' },
      lastRun: { id: run.id, status: 'completed', mode: 'dryRun', createdAt: expect.any(String), finishedAt: expect.any(String) },
      nextRunAt: null,
      nextRunKnown: true,
    });

    const event = await t.api('POST', '/api/workflows', { name: 'On deactivation', graph: roleAuditGraph(app.appId, app.credentialId, { kind: 'event', event: 'saasUser.deactivated' }) });
    expect(await listed(event.body.id)).toMatchObject({ status: 'draft', trigger: { kind: 'event', summary: 'When a SaaS user is deactivated' }, lastRun: null, nextRunAt: null });
    const empty = await t.api('POST', '/api/workflows', { name: 'Empty canvas' });
    expect(await listed(empty.body.id)).toMatchObject({ trigger: { kind: null, summary: 'No Begin block yet' }, lastRun: null });
  });
});
