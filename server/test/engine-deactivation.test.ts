import { simulatorClient, startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryOf, launched, loadApp, recordsOf, runWorkflow, staleActive, staleLitmosGraph } from './support/engine-fixtures';
import { startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
const sims: SimulatorHandle[] = [];

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await t?.close();
});

async function vendorUsers(litmos: SimulatorHandle): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for await (const page of simulatorClient('litmos', litmos).listUsers()) all.push(...page.users);
  return all;
}

describe('rule-triggered deactivation of Litmos users who have not logged in for a year (REST only)', () => {
  it('deactivates exactly the stale active users, once each, with one PUT per target and one listing', async () => {
    const litmos = await startLitmosSimulator({ users: 1_200, rateLimit: false, seed: 11 });
    sims.push(litmos);
    const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos stale');
    const targets = staleActive(await vendorUsers(litmos));
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
});
