import { startLeverSimulator, startPlanhatSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { startWorkflow, userLoadContract, type UserLoadResult } from '@rolecall/workflows';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONFIG } from '../src/config/config.module';
import type { Env } from '../src/config/env';
import { TEMPORAL_CLIENT } from '../src/temporal/temporal.constants';
import { integrationFor, simulatorPool } from './support/load-fixtures';
import { runLoad, startTestApp, waitForRun, type TestApp } from './support/rolecall-app';

let t: TestApp;
let temporal: Client;
const sims = simulatorPool();

beforeAll(async () => {
  t = await startTestApp();
  temporal = t.app.get(TEMPORAL_CLIENT);
});

afterAll(async () => {
  await sims.closeAll();
  await t?.close();
});

async function usersOf(appName: string): Promise<any[]> {
  const app = ((await t.api('GET', '/api/saas-apps')).body as any[]).find((a) => a.name === appName);
  return app ? (await t.api('GET', `/api/saas-users?app=${app.id}&pageSize=500`)).body.items : [];
}

async function deleteAtPlanhat(s: SimulatorHandle, externalId: string): Promise<void> {
  const res = await fetch(`${s.url}/users/${externalId}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.credentials.token}` } });
  expect(res.status).toBeLessThan(300);
}

/** Polls a run until `done` holds for it. */
async function runUntil(integrationId: string, runId: string, done: (run: any) => boolean, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.api('GET', `/api/integrations/${integrationId}/runs/${runId}`);
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`run ${runId} never got there: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A load started the way a schedule starts it, with a continue-as-new threshold a test can reach. */
async function loadInShortExecutions(integrationId: string): Promise<{ workflowId: string; result: UserLoadResult }> {
  const workflowId = `user-load-${integrationId}-test-${randomUUID()}`;
  const handle = await startWorkflow(temporal, userLoadContract, {
    workflowId,
    taskQueue: t.app.get<Env>(APP_CONFIG).TEMPORAL_TASK_QUEUE,
    input: { integrationId, trigger: 'schedule', activitiesPerExecution: 2, pagesPerActivity: 1 },
  });
  return { workflowId, result: await handle.result() };
}

/** Executions of one workflow id: the first plus one per continue-as-new. */
async function executionsOf(workflowId: string): Promise<number> {
  let count = 0;
  for await (const _ of temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) count++;
  return count;
}

describe('long loads', () => {
  it('continues as new at least twice and still completes and deactivates users gone from the source', async () => {
    // Lever pages hold 100 users: 700 users are 7 page activities of one page, 2 per execution.
    const lever = await sims.start(startLeverSimulator({ users: 700, rateLimit: false, seed: 11 }));
    const id = await integrationFor(t, 'lever', lever, 'Lever continue-as-new');
    const first = await loadInShortExecutions(id);
    expect(first.result).toMatchObject({ status: 'completed', counts: { fetched: 700, created: 700 } });

    // A SaaS user the vendor no longer lists: the next load must deactivate it at the very end.
    const db = t.app.get(DataSource);
    const [gone] = await db.query(
      `INSERT INTO saas_user (app_id, external_id, status, source_integration_id, synced_at, first_seen_at, last_seen_at)
       SELECT id, 'gone-from-lever', 'active', $1, now(), now(), now() FROM saas_app WHERE name = 'Lever continue-as-new' RETURNING id`,
      [id],
    );
    const second = await loadInShortExecutions(id);
    expect(second.result).toMatchObject({ status: 'completed', counts: { fetched: 700, updated: 0, deactivated: 1 } });
    const [{ status }] = await db.query(`SELECT status FROM saas_user WHERE id = $1`, [gone.id]);
    expect(status).toBe('deactivated');

    // 7 page activities, 2 per execution: 4 executions, 3 of them begun by continue-as-new.
    let executions = 0;
    for (const deadline = Date.now() + 10_000; executions < 4 && Date.now() < deadline; ) {
      executions = await executionsOf(second.workflowId);
      if (executions < 4) await new Promise((r) => setTimeout(r, 200));
    }
    expect(executions).toBeGreaterThanOrEqual(3);
    const runs = (await t.api('GET', `/api/integrations/${id}/runs`)).body as any[];
    expect(runs.map((r) => r.status)).toEqual(['completed', 'completed']);
  });
});

describe('one load per integration at a time', () => {
  it('answers a second Run now with 409 naming the running run, and deactivates no one the first run saw', async () => {
    const lever = await sims.start(startLeverSimulator({ users: 1_000, rateLimit: false, faults: { latencyMs: 30 } }));
    const id = await integrationFor(t, 'lever', lever, 'Lever overlap');
    const [a, b] = await Promise.all([t.api('POST', `/api/integrations/${id}/run`), t.api('POST', `/api/integrations/${id}/run`)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const [accepted, refused] = a.status === 202 ? [a, b] : [b, a];
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { runningRunId: accepted.body.id } });

    const run = await waitForRun(t, id, accepted.body.id);
    expect(run).toMatchObject({ status: 'completed', created: 1_000, deactivated: 0 });
    expect((await t.api('GET', `/api/integrations/${id}/runs`)).body).toHaveLength(1);
    // A further Run now is fine once the integration is free again, and it deactivates no one.
    expect(await runLoad(t, id)).toMatchObject({ status: 'completed', updated: 0, unchanged: 1_000, deactivated: 0 });
  });

  it('skips a scheduled run that fires during a manual one, and refuses Run now during a scheduled one', async () => {
    const lever = await sims.start(startLeverSimulator({ users: 1_000, rateLimit: false, faults: { latencyMs: 30 } }));
    const id = await integrationFor(t, 'lever', lever, 'Lever schedule overlap');
    expect((await t.api('POST', `/api/integrations/${id}/launch`)).status).toBe(200);
    const schedule = temporal.schedule.getHandle(userLoadContract.ids.schedule(id));
    const scheduledWorkflow = async (seen: number): Promise<string> => {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
        const actions = (await schedule.describe()).info.recentActions;
        if (actions.length > seen) return actions[actions.length - 1]!.action.workflow.workflowId;
      }
      throw new Error('the schedule did not start a workflow');
    };

    const manual = await t.api('POST', `/api/integrations/${id}/run`);
    expect(manual.status).toBe(202);
    await schedule.trigger();
    const skipped = await temporal.workflow.getHandle(await scheduledWorkflow(0)).result();
    expect(skipped).toEqual({ status: 'skipped', activeRunId: manual.body.id });
    await waitForRun(t, id, manual.body.id);
    expect((await t.api('GET', `/api/integrations/${id}/runs`)).body).toHaveLength(1);

    await schedule.trigger();
    const scheduledId = await scheduledWorkflow(1);
    const scheduledRun = async (): Promise<any> => {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
        const found = ((await t.api('GET', `/api/integrations/${id}/runs`)).body as any[]).find((r) => r.workflowId === scheduledId);
        if (found) return found;
      }
      throw new Error('the scheduled load wrote no run');
    };
    const scheduled = await scheduledRun();
    const refused = await t.api('POST', `/api/integrations/${id}/run`);
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual({ runningRunId: scheduled.id });
    expect(await waitForRun(t, id, scheduled.id)).toMatchObject({ status: 'completed', deactivated: 0 });
  });
});

describe('mass deactivation safety net', () => {
  it('holds a run whose listing came back empty, deactivates nothing, and deactivates once confirmed', async () => {
    const planhat = await sims.start(startPlanhatSimulator({ users: 20, rateLimit: false, seed: 21 }));
    const id = await integrationFor(t, 'planhat', planhat, 'Planhat emptied');
    expect(await runLoad(t, id)).toMatchObject({ status: 'completed', created: 20 });
    const loaded = await usersOf('Planhat emptied');
    const active = loaded.filter((u) => u.status === 'active').length;
    for (const u of loaded) await deleteAtPlanhat(planhat, u.externalId);

    const started = await t.api('POST', `/api/integrations/${id}/run`);
    const held = await runUntil(id, started.body.id, (r) => r.status !== 'queued' && r.status !== 'running');
    expect(held).toMatchObject({ status: 'awaiting_confirmation', wouldDeactivate: active, deactivated: 0, fetched: 0 });
    expect((await usersOf('Planhat emptied')).filter((u) => u.status === 'active')).toHaveLength(active);
    // The held run still holds the integration.
    expect((await t.api('POST', `/api/integrations/${id}/run`)).status).toBe(409);
    // Settings are the run's snapshot: turning the integration create-only now must not change this run.
    expect((await t.api('PATCH', `/api/integrations/${id}`, { preference: 'create_only' })).status).toBe(200);

    const confirmed = await t.api('POST', `/api/integrations/${id}/runs/${started.body.id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(202);
    expect(await waitForRun(t, id, started.body.id)).toMatchObject({ status: 'completed', deactivated: active });
    expect((await usersOf('Planhat emptied')).every((u) => u.status === 'deactivated')).toBe(true);
    expect((await t.api('POST', `/api/integrations/${id}/runs/${started.body.id}/confirm`)).status).toBe(409);
  });

  it('completes a held run without deactivating anyone when the admin skips the deactivation', async () => {
    const planhat = await sims.start(startPlanhatSimulator({ users: 20, rateLimit: false, seed: 22 }));
    const id = await integrationFor(t, 'planhat', planhat, 'Planhat truncated', { deactivationLimitPercent: 25 });
    expect(await runLoad(t, id)).toMatchObject({ status: 'completed', created: 20 });
    // 6 active users gone is a third of the active ones at most, above this integration's 25 %.
    const active = (await usersOf('Planhat truncated')).filter((u) => u.status === 'active');
    for (const u of active.slice(0, 6)) await deleteAtPlanhat(planhat, u.externalId);

    const started = await t.api('POST', `/api/integrations/${id}/run`);
    const held = await runUntil(id, started.body.id, (r) => r.status !== 'queued' && r.status !== 'running');
    expect(held).toMatchObject({ status: 'awaiting_confirmation', wouldDeactivate: 6 });
    expect((await t.api('POST', `/api/integrations/${id}/runs/${started.body.id}/skip-deactivation`)).status).toBe(202);
    expect(await waitForRun(t, id, started.body.id)).toMatchObject({ status: 'completed', deactivated: 0 });
    const after = new Map((await usersOf('Planhat truncated')).map((u) => [u.externalId, u.status]));
    expect(active.every((u) => after.get(u.externalId) === 'active')).toBe(true);
  });
});

describe('bounded waits', () => {
  it('shows a vendor outage as waiting with the attempt and the next retry, then completes', async () => {
    const lever = await sims.start(startLeverSimulator({ users: 300, rateLimit: false, faults: { errorRate: 1 } }));
    const id = await integrationFor(t, 'lever', lever, 'Lever outage');
    const started = await t.api('POST', `/api/integrations/${id}/run`);
    const waiting = await runUntil(id, started.body.id, (r) => r.waitingReason !== null || r.status === 'failed', 90_000);
    expect(waiting.status).toBe('running');
    expect(waiting.waitingReason).toMatch(/^vendor unavailable, retrying \(attempt \d+, next in \d+s\)/);
    lever.setFaults({});
    expect(await waitForRun(t, id, started.body.id)).toMatchObject({ status: 'completed', created: 300, waitingReason: null });
  });
});

describe('when Temporal refuses the start', () => {
  let refusing: TestApp;
  beforeAll(async () => {
    refusing = await startTestApp({ TEMPORAL_NAMESPACE: `missing-${randomUUID()}`, ROLECALL_EMBEDDED_WORKER: 'false' });
  });
  afterAll(async () => {
    await refusing?.close();
  });

  it('marks the run failed with the reason instead of leaving it queued', async () => {
    const planhat = await sims.start(startPlanhatSimulator({ users: 5, rateLimit: false }));
    const credential = await refusing.api('POST', '/api/credentials', { name: 'p', presetId: 'planhat', baseUrl: planhat.url, fields: planhat.credentials });
    const integration = await refusing.api('POST', '/api/integrations', {
      name: 'Planhat refused',
      presetId: 'planhat',
      credentialId: credential.body.id,
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    const res = await refusing.api('POST', `/api/integrations/${integration.body.id}/run`);
    expect(res.status).toBe(503);
    const runs = (await refusing.api('GET', `/api/integrations/${integration.body.id}/runs`)).body as any[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: res.body.details.runId, status: 'failed', error: expect.stringMatching(/^Temporal did not start the load: /) });
    // The failed start no longer holds the integration.
    expect((await refusing.api('POST', `/api/integrations/${integration.body.id}/run`)).status).toBe(503);
  });
});
