import { simulatorClient, startLeverSimulator, startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { runGraphContract } from '@rolecall/workflows';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inventoryOf,
  launched,
  leverDeleteGraph,
  loadApp,
  recordsOf,
  roleAuditGraph,
  runWorkflow,
  staleActive,
  staleLitmosGraph,
  waitForWorkflowRun,
} from './support/engine-fixtures';
import { startTestApp, type TestApp } from './support/rolecall-app';
import { TEMPORAL_CLIENT } from '../src/temporal/temporal.constants';

let t: TestApp;
const sims: SimulatorHandle[] = [];

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await t?.close();
});

async function sim<T extends SimulatorHandle>(start: Promise<T>): Promise<T> {
  const handle = await start;
  sims.push(handle);
  return handle;
}

/** Every vendor user, through the preset client (the oracle of who a rule must select). */
async function vendorUsers(presetId: string, s: SimulatorHandle): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for await (const page of simulatorClient(presetId, s).listUsers()) all.push(...page.users);
  return all;
}

/** The one run a trigger started for a workflow (waits for it to appear and finish). */
async function triggeredRun(workflowId: string, trigger: 'schedule' | 'event', timeoutMs: number): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.api('GET', `/api/runs?workflowId=${workflowId}&trigger=${trigger}`);
    if (body.items.length > 0) return waitForWorkflowRun(t, body.items[0].id);
    if (Date.now() > deadline) throw new Error(`no ${trigger} run of workflow ${workflowId} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('seed use cases end to end through the REST API', () => {
  it('audits Litmos roles on a schedule from one listing and deactivates users Litmos no longer has', async () => {
    const litmos = await sim(startLitmosSimulator({ users: 400, rateLimit: false, seed: 21 }));
    const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos audit');
    const client = simulatorClient('litmos', litmos);
    const gone = [0, 7, 99, 250].map((i) => litmos.state.idAt(i)!);
    for (const id of gone) await client.deleteUser!(id);
    litmos.counters.reset();

    const trigger = { kind: 'schedule', schedule: { kind: 'interval', every: '1m' }, timeZone: 'UTC', catchupWindow: '1h' };
    const workflow = await launched(t, 'Litmos role audit', roleAuditGraph(appId, credentialId, trigger));
    const run = await triggeredRun(workflow.id, 'schedule', 90_000);

    expect(run).toMatchObject({ status: 'completed', trigger: { kind: 'schedule' }, progress: { total: 400, done: 400 } });
    expect(run.nodes.role).toEqual({ found: 396, notFound: 4 });
    // One paginated listing (pages of 1000; Litmos gives no last-page signal, so one more request): no GET per user.
    expect(litmos.counters.calls('GET /v1.svc/users/details')).toBe(Math.ceil(396 / 1000) + 1);
    expect(litmos.counters.calls('GET /v1.svc/users/:id')).toBe(0);
    const inventory = new Map((await inventoryOf(t, appId)).map((u) => [u.externalId, u]));
    for (const id of gone) expect(inventory.get(id)?.status).toBe('deactivated');
    const found = await recordsOf(t, run.id, '&nodeId=role&outcome=found');
    for (const r of found.slice(0, 50)) expect(r.detail.role).toBe(litmos.state.get(r.externalId)?.AccessLevel);

    // Pausing the workflow pauses its schedule.
    expect((await t.api('POST', `/api/workflows/${workflow.id}/pause`)).body.status).toBe('paused');
    // The server's own client: it holds the payload codec the schedule's action is encrypted with.
    const temporal = t.app.get<Client>(TEMPORAL_CLIENT);
    const described = await temporal.schedule.getHandle(runGraphContract.ids.schedule(workflow.id)).describe();
    expect(described.state.paused).toBe(true);
  }, 180_000);

  it('deactivates exactly the Litmos users who have not logged in for a year, once each, with one PUT per target and one listing', async () => {
    const litmos = await sim(startLitmosSimulator({ users: 1_200, rateLimit: false, seed: 11 }));
    const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos stale');
    const targets = staleActive(await vendorUsers('litmos', litmos));
    expect(targets.size).toBeGreaterThan(50);
    litmos.counters.reset();

    const workflow = await launched(t, 'Deactivate stale Litmos users', staleLitmosGraph(appId, credentialId));
    const run = await runWorkflow(t, workflow.id);

    expect(run).toMatchObject({ status: 'completed', mode: 'live', versionNumber: 1, trigger: { kind: 'manual' } });
    expect(run.nodes.deactivate).toEqual({ success: targets.size });
    expect(run.progress).toEqual({ total: run.progress.total, done: run.progress.total });
    // Every target got exactly one PUT; nobody else got any.
    const puts = litmos.counters.successfulUserCalls('PUT /v1.svc/users/:id');
    expect(new Set(puts.keys())).toEqual(targets);
    expect([...puts.values()].every((n) => n === 1)).toBe(true);
    // The run listed the account once (pages of 1000 overlapping by 10) instead of a GET per target.
    expect(litmos.counters.calls('GET /v1.svc/users/:id')).toBe(0);
    expect(litmos.counters.calls('GET /v1.svc/users/details')).toBeLessThanOrEqual(3);
    for (const id of targets) expect(litmos.state.get(id)?.Active).toBe(false);

    const inventory = await inventoryOf(t, appId);
    const deactivatedNow = inventory.filter((u) => targets.has(u.externalId));
    expect(deactivatedNow.every((u) => u.status === 'deactivated')).toBe(true);
    const records = await recordsOf(t, run.id, '&nodeId=deactivate');
    expect(records.map((r) => r.externalId).sort()).toEqual([...targets].sort());

    // A second run finds nobody left to deactivate.
    const again = await runWorkflow(t, workflow.id);
    expect(again.nodes.deactivate ?? {}).toEqual({});
    expect(litmos.counters.successfulUserCalls('PUT /v1.svc/users/:id').size).toBe(targets.size);
  }, 180_000);

  it('reads roles with one GET per user when the population is small', async () => {
    const litmos = await sim(startLitmosSimulator({ users: 12, rateLimit: false, seed: 22 }));
    const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos small audit');
    litmos.counters.reset();
    const workflow = await launched(t, 'Small Litmos role audit', roleAuditGraph(appId, credentialId));
    const run = await runWorkflow(t, workflow.id);
    expect(run.nodes.role).toEqual({ found: 12 });
    expect(litmos.counters.calls('GET /v1.svc/users/details')).toBe(0);
    expect(litmos.counters.calls('GET /v1.svc/users/:id')).toBe(12);
  });

  it('deletes exactly the Lever user an admin deactivated in the inventory, once', async () => {
    const lever = await sim(startLeverSimulator({ users: 60, rateLimit: false, seed: 23 }));
    const { appId, credentialId } = await loadApp(t, 'lever', lever, 'Lever events');
    const workflow = await launched(t, 'Delete Lever user on deactivation', leverDeleteGraph(appId, credentialId, 'saasUser.deactivated'));
    const target = (await inventoryOf(t, appId)).find((u) => u.status === 'active')!;
    lever.counters.reset();

    const patched = await t.api('PATCH', `/api/saas-users/${target.id}`, { status: 'deactivated' });
    expect(patched.status).toBe(200);
    const run = await triggeredRun(workflow.id, 'event', 30_000);

    expect(run).toMatchObject({ status: 'completed', progress: { total: 1, done: 1 }, nodes: { delete: { success: 1 } } });
    expect([...lever.counters.successfulUserCalls('POST /v1/users/:id/deactivate')]).toEqual([[target.externalId, 1]]);
    expect(lever.counters.snapshot().total).toBe(1);
    // Lever cannot delete: deactivated there, removed from the inventory.
    expect((await inventoryOf(t, appId)).some((u) => u.id === target.id)).toBe(false);
    // The event is consumed once: later polls start nothing new.
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await t.api('GET', `/api/runs?workflowId=${workflow.id}`)).body.total).toBe(1);
  }, 60_000);

  it("acts on the offboarded person's Lever users only", async () => {
    const lever = await sim(startLeverSimulator({ users: 40, rateLimit: false, seed: 24 }));
    const { appId, credentialId } = await loadApp(t, 'lever', lever, 'Lever offboarding');
    await launched(t, 'Delete Lever user on offboarding', leverDeleteGraph(appId, credentialId, 'person.offboarded'));
    const target = (await inventoryOf(t, appId)).find((u) => u.status === 'active' && u.personId)!;
    lever.counters.reset();

    expect((await t.api('PATCH', `/api/people/${target.personId}`, { status: 'offboarded' })).status).toBe(200);
    const workflows = (await t.api('GET', '/api/workflows')).body as { id: string; name: string }[];
    const run = await triggeredRun(workflows.find((w) => w.name === 'Delete Lever user on offboarding')!.id, 'event', 30_000);

    expect(run).toMatchObject({ status: 'completed', nodes: { delete: { success: 1 } } });
    expect([...lever.counters.successfulUserCalls('POST /v1/users/:id/deactivate').keys()]).toEqual([target.externalId]);
  }, 60_000);
});
