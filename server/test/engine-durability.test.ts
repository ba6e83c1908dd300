import { randomBytes, randomUUID } from 'node:crypto';
import { simulatorClient, startLeverSimulator, startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { runGraphContract } from '@rolecall/workflows';
import type { GraphDraft } from '@rolecall/workflows/graph';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryOf, launched, loadApp, roleAuditGraph, runWorkflow, staleActive, staleLitmosGraph, waitForWorkflowRun } from './support/engine-fixtures';
import { startTestApp, type TestApp } from './support/rolecall-app';
import { workerProcesses } from './support/worker-process';
import { requiredTestEnv } from './support/test-env';

const PUT = 'PUT /v1.svc/users/:id';

describe('workflow runs under failure and at scale', () => {
  const taskQueue = `test-${randomUUID()}`;
  const masterKey = randomBytes(32).toString('base64');
  let t: TestApp;
  const sims: SimulatorHandle[] = [];

  const workers = workerProcesses(() => ({ databaseUrl: t.db.url, taskQueue, masterKey }));
  const startWorker = () => workers.start();
  const alive = () => workers.alive();

  beforeAll(async () => {
    t = await startTestApp({ TEMPORAL_TASK_QUEUE: taskQueue, ROLECALL_MASTER_KEY: masterKey, ROLECALL_EMBEDDED_WORKER: 'false' });
    startWorker();
  });

  afterAll(async () => {
    workers.killAll();
    await Promise.all(sims.map((s) => s.close()));
    await t?.close();
  });

  async function vendorUsers(presetId: string, s: SimulatorHandle): Promise<Record<string, unknown>[]> {
    const all: Record<string, unknown>[] = [];
    for await (const page of simulatorClient(presetId, s).listUsers()) all.push(...page.users);
    return all;
  }

  it('deactivates each target exactly once when the worker is SIGKILLed at three points of the run', async () => {
    const litmos = await startLitmosSimulator({ users: 1_500, rateLimit: false, seed: 51 });
    sims.push(litmos);
    const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos kill');
    const targets = staleActive(await vendorUsers('litmos', litmos));
    // Slow responses, so the run is long enough to kill into.
    litmos.setFaults({ latencyMs: 25 });
    litmos.counters.reset();
    const workflow = await launched(t, 'Stale Litmos (kill)', staleLitmosGraph(appId, credentialId));
    const started = await t.api('POST', `/api/workflows/${workflow.id}/runs`, { mode: 'live' });

    for (const share of [0.02, 0.4, 0.75]) {
      const deadline = Date.now() + 90_000;
      while (litmos.counters.calls(PUT) < Math.ceil(targets.size * share)) {
        if (Date.now() > deadline) throw new Error(`no progress past ${litmos.counters.calls(PUT)} PUTs`);
        await new Promise((r) => setTimeout(r, 20));
      }
      for (const w of alive()) w.kill('SIGKILL');
      startWorker();
    }
    const run = await waitForWorkflowRun(t, started.body.id, undefined, 180_000);

    expect(run).toMatchObject({ status: 'completed', nodes: { deactivate: { success: targets.size } } });
    const puts = litmos.counters.successfulUserCalls(PUT);
    expect(new Set(puts.keys())).toEqual(targets);
    expect([...puts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    for (const id of targets) expect(litmos.state.get(id)?.Active).toBe(false);
  }, 300_000);

  it('reaches the same end state with 30 % throttled and 10 % failing vendor responses', async () => {
    const lever = await startLeverSimulator({ users: 70, rateLimit: false, seed: 52 });
    sims.push(lever);
    const { appId, credentialId } = await loadApp(t, 'lever', lever, 'Lever faults');
    const active = new Set((await inventoryOf(t, appId)).filter((u) => u.status === 'active').map((u) => u.externalId as string));
    lever.setFaults({ throttleRate: 0.3, errorRate: 0.1 });
    lever.counters.reset();
    const graph: GraphDraft = {
      nodes: [
        { id: 'begin', type: 'begin', position: { x: 0, y: 0 }, data: { trigger: { kind: 'manual' }, population: { appId, rule: { match: 'all', clauses: [{ field: 'saasUser.status', op: 'eq', value: 'active' }] } } } },
        { id: 'deactivate', type: 'api', position: { x: 0, y: 100 }, data: { presetId: 'lever', actionId: 'deactivateUser', credentialId, cap: { maxPercent: 100 } } },
        { id: 'end', type: 'end', position: { x: 0, y: 200 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 'begin', target: 'deactivate' },
        { id: 'e2', source: 'deactivate', sourceHandle: 'success', target: 'end' },
        { id: 'e3', source: 'deactivate', sourceHandle: 'error', target: 'end' },
      ],
    };
    if (alive().length === 0) startWorker();
    const { id } = await launched(t, 'Deactivate Lever (faults)', graph);
    const run = await runWorkflow(t, id);

    expect(lever.counters.throttled).toBeGreaterThan(0);
    expect(run).toMatchObject({ status: 'completed', nodes: { deactivate: { success: active.size } } });
    const posts = lever.counters.successfulUserCalls('POST /v1/users/:id/deactivate');
    expect(new Set(posts.keys())).toEqual(active);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    expect((await inventoryOf(t, appId)).every((u) => u.status === 'deactivated')).toBe(true);
  }, 300_000);

  it('keeps every execution of a 20k-user run far below the 10k-event history limit', async () => {
    const litmos = await startLitmosSimulator({ users: 20_000, rateLimit: false, seed: 53 });
    sims.push(litmos);
    const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos 20k');
    if (alive().length === 0) startWorker();
    const { id } = await launched(t, 'Litmos 20k audit', roleAuditGraph(appId, credentialId));
    const run = await runWorkflow(t, id);
    expect(run).toMatchObject({ status: 'completed', progress: { total: 20_000, done: 20_000 }, nodes: { role: { found: 20_000 } } });

    const connection = await Connection.connect({ address: requiredTestEnv('TEMPORAL_ADDRESS') });
    try {
      const client = new Client({ connection });
      // Every execution of the parent's continue-as-new chain, and every batch child.
      const parentId = runGraphContract.ids.manualWorkflow(run.id);
      const executions: { workflowId: string; runId: string }[] = [];
      for await (const e of client.workflow.list({ query: `WorkflowId = '${parentId}'` })) executions.push({ workflowId: e.workflowId, runId: e.runId });
      expect(executions.length).toBeGreaterThanOrEqual(2);
      for (let b = 0; b < 40; b++) executions.push({ workflowId: runGraphContract.ids.batch(run.id, '0', String(b)), runId: '' });
      const sizes = await Promise.all(
        executions.map(async (e) => (await client.workflow.getHandle(e.workflowId, e.runId || undefined).fetchHistory()).events?.length ?? 0),
      );
      expect(Math.max(...sizes)).toBeLessThan(1_000);
      expect(sizes.every((n) => n > 0)).toBe(true);
    } finally {
      await connection.close();
    }
  }, 300_000);
});
