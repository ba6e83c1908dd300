import { simulatorClient, startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launched, loadApp, recordsOf, runWorkflow, staleActive, staleLitmosGraph, waitForWorkflowRun } from './support/engine-fixtures';
import { startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
let litmos: SimulatorHandle;
let app: { appId: string; credentialId: string };
let targets: Set<string>;

const PUT = 'PUT /v1.svc/users/:id';

beforeAll(async () => {
  t = await startTestApp();
  litmos = await startLitmosSimulator({ users: 300, rateLimit: false, seed: 31 });
  app = await loadApp(t, 'litmos', litmos, 'Litmos safety');
  const users: Record<string, unknown>[] = [];
  for await (const page of simulatorClient('litmos', litmos).listUsers()) users.push(...page.users);
  targets = staleActive(users);
});

afterAll(async () => {
  await litmos?.close();
  await t?.close();
});

describe('dry run and blast radius', () => {
  it('dry run reads everything, calls nothing destructive, and lists exactly who would be deactivated', async () => {
    litmos.counters.reset();
    const workflow = await launched(t, 'Stale Litmos (dry run)', staleLitmosGraph(app.appId, app.credentialId, { maxUsers: 1 }));
    const run = await runWorkflow(t, workflow.id, 'dryRun');
    expect(run).toMatchObject({ status: 'completed', mode: 'dryRun', nodes: { deactivate: { held: targets.size } } });
    expect(litmos.counters.calls(PUT)).toBe(0);
    expect(litmos.counters.calls('DELETE /v1.svc/users/:id')).toBe(0);
    const wouldHit = await recordsOf(t, run.id, '&nodeId=deactivate&outcome=held');
    expect(new Set(wouldHit.map((r) => r.externalId))).toEqual(targets);
    for (const id of targets) expect(litmos.state.get(id)?.Active).toBe(true);
  });

  it('stops at a destructive block over its cap until approved, then acts on each target once', async () => {
    litmos.counters.reset();
    const workflow = await launched(t, 'Stale Litmos (capped)', staleLitmosGraph(app.appId, app.credentialId, { maxUsers: 5 }));
    const started = await t.api('POST', `/api/workflows/${workflow.id}/runs`, { mode: 'live' });
    const waiting = await waitForWorkflowRun(t, started.body.id, (r) => r.status === 'awaiting_approval');
    expect(waiting).toMatchObject({ awaitingApproval: ['deactivate'], nodes: { deactivate: { held: targets.size } } });
    expect(litmos.counters.calls(PUT)).toBe(0);
    const held = await recordsOf(t, waiting.id, '&nodeId=deactivate&outcome=held');
    expect(held).toHaveLength(targets.size);

    const approved = await t.api('POST', `/api/runs/${waiting.id}/approve`);
    expect(approved.status).toBe(200);
    const done = await waitForWorkflowRun(t, waiting.id);
    expect(done).toMatchObject({ status: 'completed', awaitingApproval: [], nodes: { deactivate: { success: targets.size } } });
    const puts = litmos.counters.successfulUserCalls(PUT);
    expect(new Set(puts.keys())).toEqual(targets);
    expect([...puts.values()].every((n) => n === 1)).toBe(true);
    expect((await t.api('POST', `/api/runs/${waiting.id}/approve`)).status).toBe(409);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'run.approved' AND details->>'runId' = $1`, [waiting.id]);
    expect(n).toBe(1);
  });

  it('cancel while waiting for approval stops the run before any effect', async () => {
    const again = await startLitmosSimulator({ users: 200, rateLimit: false, seed: 32 });
    try {
      const other = await loadApp(t, 'litmos', again, 'Litmos cancel');
      again.counters.reset();
      const workflow = await launched(t, 'Stale Litmos (cancel)', staleLitmosGraph(other.appId, other.credentialId, { maxUsers: 2 }));
      const started = await t.api('POST', `/api/workflows/${workflow.id}/runs`, { mode: 'live' });
      await waitForWorkflowRun(t, started.body.id, (r) => r.status === 'awaiting_approval');
      expect((await t.api('POST', `/api/runs/${started.body.id}/cancel`)).status).toBe(200);
      const cancelled = await waitForWorkflowRun(t, started.body.id);
      expect(cancelled.status).toBe('cancelled');
      expect(again.counters.calls(PUT)).toBe(0);
      expect((await t.api('POST', `/api/runs/${started.body.id}/cancel`)).status).toBe(409);
    } finally {
      await again.close();
    }
  });
});
