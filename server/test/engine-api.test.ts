import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launched, loadApp, recordsOf, runWorkflow, staleLitmosGraph, waitForWorkflowRun } from './support/engine-fixtures';
import { startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
let litmos: SimulatorHandle;
let app: { appId: string; credentialId: string };
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  litmos = await startLitmosSimulator({ users: 30, rateLimit: false, seed: 41 });
  app = await loadApp(t, 'litmos', litmos, 'Litmos API');
});

afterAll(async () => {
  await litmos?.close();
  await t?.close();
});

function expectProblem(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ status, code, message: expect.any(String) });
}

describe('workflows REST API', () => {
  it('creates, reads, updates, lists and deletes drafts, with problem JSON for every mistake', async () => {
    expectProblem(await t.api('POST', '/api/workflows', { graph: { nodes: [], edges: [] } }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.api('POST', '/api/workflows', { name: 'x', graph: { nodes: 'no' } }), 400, 'VALIDATION_FAILED');
    const created = await t.api('POST', '/api/workflows', { name: 'Draft only' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Draft only', status: 'draft', latestVersion: null, graph: { nodes: [], edges: [] } });
    expectProblem(await t.api('POST', '/api/workflows', { name: 'Draft only' }), 409, 'CONFLICT');
    expectProblem(await t.api('GET', `/api/workflows/${MISSING}`), 404, 'NOT_FOUND');
    expectProblem(await t.api('GET', '/api/workflows/not-a-uuid'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.api('PATCH', `/api/workflows/${created.body.id}`, { nope: 1 }), 400, 'VALIDATION_FAILED');
    const half = { nodes: [{ id: 'n1', type: 'begin', position: { x: 1, y: 2 }, data: { whatever: true } }], edges: [] };
    const patched = await t.api('PATCH', `/api/workflows/${created.body.id}`, { description: 'wip', graph: half });
    expect(patched.body).toMatchObject({ description: 'wip', graph: half });
    expect((await t.api('GET', '/api/workflows')).body.map((w: any) => w.name)).toContain('Draft only');
    expectProblem(await t.api('POST', `/api/workflows/${created.body.id}/runs`, { mode: 'live' }), 409, 'CONFLICT');
    expectProblem(await t.api('POST', `/api/workflows/${created.body.id}/pause`), 409, 'CONFLICT');
    expect((await t.api('DELETE', `/api/workflows/${created.body.id}`)).status).toBe(204);
    expectProblem(await t.api('GET', `/api/workflows/${created.body.id}`), 404, 'NOT_FOUND');
    expectProblem(await t.api('DELETE', `/api/workflows/${created.body.id}`), 404, 'NOT_FOUND');
  });

  it('gives the canvas the credentials, apps and custom fields compile() checks against, never a secret', async () => {
    const res = await t.api('GET', '/api/workflows/compile-context');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['apps', 'credentials', 'customFields']);
    expect(res.body.credentials).toContainEqual({ id: app.credentialId, name: expect.any(String), presetId: 'litmos', authKind: expect.any(String) });
    expect(res.body.apps).toContainEqual({ id: app.appId, name: expect.any(String), presetId: 'litmos' });
    const body = JSON.stringify(res.body);
    for (const secret of Object.values(litmos.credentials)) expect(body).not.toContain(secret);
    expect(body).not.toContain(litmos.url);
  });

  it('validates and launches with the compiler, answering 422 with every compile error', async () => {
    const broken = staleLitmosGraph(app.appId, MISSING);
    broken.edges = broken.edges.filter((e) => e.id !== 'e5');
    const created = await t.api('POST', '/api/workflows', { name: 'Broken', graph: broken });
    const validated = await t.api('POST', `/api/workflows/${created.body.id}/validate`);
    expectProblem(validated, 422, 'UNPROCESSABLE');
    const codes = validated.body.details.errors.map((e: any) => [e.nodeId, e.code]);
    expect(codes).toEqual(expect.arrayContaining([['deactivate', 'UNKNOWN_CREDENTIAL'], ['deactivate', 'UNCONNECTED_HANDLE']]));
    expectProblem(await t.api('POST', `/api/workflows/${created.body.id}/launch`), 422, 'UNPROCESSABLE');
    expect((await t.api('GET', `/api/workflows/${created.body.id}/versions`)).body).toEqual([]);

    await t.api('PATCH', `/api/workflows/${created.body.id}`, { graph: staleLitmosGraph(app.appId, app.credentialId) });
    expect((await t.api('POST', `/api/workflows/${created.body.id}/validate`)).body).toEqual({ ok: true });
  });

  it('freezes each launch as an immutable version that runs stay pinned to', async () => {
    const { id, version } = await launched(t, 'Pinned', staleLitmosGraph(app.appId, app.credentialId, { maxUsers: 1 }));
    expect(version).toMatchObject({ number: 1, ir: { irVersion: 1, entry: 'begin' } });
    const edited = staleLitmosGraph(app.appId, app.credentialId, { maxUsers: 2 });
    await t.api('PATCH', `/api/workflows/${id}`, { graph: edited });
    const versions = (await t.api('GET', `/api/workflows/${id}/versions`)).body;
    expect(versions).toHaveLength(1);
    expect(versions[0].ir.destructive[0].cap).toEqual({ maxUsers: 1 });
    // The version keeps the graph it was launched from, for the run view; the draft moved on.
    expect(versions[0].graph).toEqual(staleLitmosGraph(app.appId, app.credentialId, { maxUsers: 1 }));
    const second = await t.api('POST', `/api/workflows/${id}/launch`);
    expect(second.body.number).toBe(2);
    const run = await runWorkflow(t, id, 'dryRun');
    expect(run).toMatchObject({ versionId: second.body.id, versionNumber: 2 });
    expect((await t.api('POST', `/api/workflows/${id}/pause`)).body.status).toBe('paused');
    expect((await t.api('POST', `/api/workflows/${id}/resume`)).body.status).toBe('active');
    const actions = (await t.app.get(DataSource).query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY at, action`, [id])).map((r: any) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['workflow.created', 'workflow.updated', 'workflow.launched', 'workflow.run', 'workflow.paused', 'workflow.resumed']));
  });
});

describe('runs REST API', () => {
  it('answers 400/404/409 problems for bad run requests and lists runs by filter', async () => {
    const { id } = await launched(t, 'Runs API', staleLitmosGraph(app.appId, app.credentialId, { maxPercent: 100 }));
    expectProblem(await t.api('POST', `/api/workflows/${id}/runs`, { mode: 'sometimes' }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.api('POST', `/api/workflows/${MISSING}/runs`, { mode: 'live' }), 404, 'NOT_FOUND');
    expectProblem(await t.api('GET', `/api/runs/${MISSING}`), 404, 'NOT_FOUND');
    expectProblem(await t.api('GET', `/api/runs/${MISSING}/records`), 404, 'NOT_FOUND');
    expectProblem(await t.api('POST', `/api/runs/${MISSING}/approve`), 404, 'NOT_FOUND');
    expectProblem(await t.api('POST', `/api/runs/${MISSING}/cancel`), 404, 'NOT_FOUND');
    expectProblem(await t.api('GET', '/api/runs?status=bogus'), 400, 'VALIDATION_FAILED');

    const run = await runWorkflow(t, id, 'dryRun');
    expectProblem(await t.api('POST', `/api/runs/${run.id}/approve`), 409, 'CONFLICT');
    expectProblem(await t.api('POST', `/api/runs/${run.id}/cancel`), 409, 'CONFLICT');
    const listed = (await t.api('GET', `/api/runs?workflowId=${id}&status=completed&trigger=manual`)).body;
    expect(listed).toMatchObject({ total: 1, items: [{ id: run.id, mode: 'dryRun' }] });
    expect((await t.api('GET', `/api/runs?workflowId=${id}&status=failed`)).body.total).toBe(0);

    const csv = await t.api('GET', `/api/runs/${run.id}/records.csv`);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toContain('nodeId');
    expect(lines.length - 1).toBe((await recordsOf(t, run.id)).length);
    // The dry run's would-be list: only the records held at the destructive block.
    const held = await t.api('GET', `/api/runs/${run.id}/records.csv?nodeId=deactivate&outcome=held`);
    const heldLines = held.text.trim().split('\n').slice(1);
    expect(heldLines.length).toBe(run.nodes.deactivate.held);
    expect(heldLines.length).toBeGreaterThan(0);
    expect(heldLines.every((line) => line.startsWith('deactivate,') && line.includes(',held,'))).toBe(true);
    expectProblem(await t.api('GET', `/api/runs/${run.id}/records.csv?nodeId=`), 400, 'VALIDATION_FAILED');
  });

  it('dry-runs the draft before any launch, pinned to a snapshot that is never listed, launched or run live', async () => {
    const graph = staleLitmosGraph(app.appId, app.credentialId, { maxPercent: 100 });
    const created = await t.api('POST', '/api/workflows', { name: 'Draft dry run', graph });
    const id = created.body.id;
    expectProblem(await t.api('POST', `/api/workflows/${id}/runs`, { mode: 'live', of: 'draft' }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.api('POST', `/api/workflows/${id}/runs`, { mode: 'dryRun' }), 409, 'CONFLICT');

    const dryRunOfDraft = async () => {
      const started = await t.api('POST', `/api/workflows/${id}/runs`, { mode: 'dryRun', of: 'draft' });
      expect(started.status, started.text).toBe(202);
      return waitForWorkflowRun(t, started.body.id);
    };
    const run = await dryRunOfDraft();
    expect(run).toMatchObject({ status: 'completed', mode: 'dryRun', versionNumber: null });
    expect(run.nodes.deactivate.held).toBeGreaterThan(0);
    const snapshot = (await t.api('GET', `/api/workflows/${id}/versions/${run.versionId}`)).body;
    expect(snapshot.graph).toEqual(graph);
    expect(snapshot.number).toBeLessThan(1);
    expect((await t.api('GET', `/api/workflows/${id}/versions`)).body).toEqual([]);
    expect((await t.api('GET', `/api/workflows/${id}`)).body.latestVersion).toBeNull();

    // Each dry run of the draft has its own snapshot; the first launch is still version 1.
    const again = await dryRunOfDraft();
    expect(again.versionId).not.toBe(run.versionId);
    expect((await t.api('POST', `/api/workflows/${id}/launch`)).body.number).toBe(1);
    expect((await t.api('GET', `/api/workflows/${id}/versions`)).body.map((v: { number: number }) => v.number)).toEqual([1]);
    const ofLaunched = await runWorkflow(t, id, 'dryRun');
    expect(ofLaunched.versionNumber).toBe(1);

    // A version is found only through its own workflow; a draft that does not compile is a 422.
    const other = await t.api('POST', '/api/workflows', { name: 'Draft dry run, unfinished' });
    expectProblem(await t.api('GET', `/api/workflows/${other.body.id}/versions/${run.versionId}`), 404, 'NOT_FOUND');
    const broken = await t.api('POST', `/api/workflows/${other.body.id}/runs`, { mode: 'dryRun', of: 'draft' });
    expectProblem(broken, 422, 'UNPROCESSABLE');
    expect(broken.body.details.errors.length).toBeGreaterThan(0);
  });

  it("explains a vendor's refusal on the record, naming the credential to check and no secret", async () => {
    const bad = await t.api('POST', '/api/credentials', { name: 'Litmos EU', presetId: 'litmos', baseUrl: litmos.url, fields: { ...litmos.credentials, apiKey: 'wrong-key-123' } });
    expect(bad.status, bad.text).toBe(201);
    const { id } = await launched(t, 'Bad key', staleLitmosGraph(app.appId, bad.body.id, { maxPercent: 100 }));
    const run = await runWorkflow(t, id);
    expect(run.status).toBe('completed');
    const failed = await recordsOf(t, run.id, '&nodeId=deactivate&outcome=error');
    expect(failed.length).toBe(run.nodes.deactivate.error);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ vendorStatus: 401, message: expect.stringMatching(/^SAP Litmos answered 401: .* — check the credential 'Litmos EU'$/) });
    expect(JSON.stringify(failed)).not.toContain('wrong-key-123');
  });
});
