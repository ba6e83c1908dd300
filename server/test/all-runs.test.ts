import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/rolecall-app';
import { sql } from './support/vault-app';

let t: TestApp;
let integrationId: string;
let workflowId: string;
/** Run ids newest first, as the merged list must answer them. */
const newestFirst: string[] = [];
const kindOf = new Map<string, 'load' | 'workflow'>();

type Page = { items: { kind: 'load' | 'workflow'; run: { id: string; status: string; workflowId?: string; integrationName?: string } }[]; total: number; page: number; pageSize: number };
const allRuns = async (query = ''): Promise<Page> => {
  const res = await t.api<Page>('GET', `/api/all-runs${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const ids = (page: Page) => page.items.map((i) => i.run.id);

// Runs are written straight into both tables with chosen times: the merge is about order and
// paging, not about how a run gets there, and six real runs would take a minute.
beforeAll(async () => {
  t = await startTestApp();
  const suffix = randomUUID().slice(0, 8);
  integrationId = (await t.api('POST', '/api/integrations', { name: `All runs ${suffix}`, presetId: 'lever' })).body.id;
  workflowId = (await t.api('POST', '/api/workflows', { name: `All runs ${suffix}` })).body.id;
  const [version] = await sql<{ id: string }>(t.db.url, `INSERT INTO workflow_version (workflow_id, number, ir) VALUES ($1, 1, '{"nodes": {}}') RETURNING id`, [workflowId]);

  // Loads on odd hours, workflow runs on even ones: the two sources interleave.
  const runs: { kind: 'load' | 'workflow'; hour: number; status: string; trigger: string }[] = [
    { kind: 'load', hour: 1, status: 'completed', trigger: 'manual' },
    { kind: 'workflow', hour: 2, status: 'completed', trigger: 'manual' },
    { kind: 'load', hour: 3, status: 'failed', trigger: 'schedule' },
    { kind: 'workflow', hour: 4, status: 'awaiting_approval', trigger: 'event' },
    { kind: 'load', hour: 5, status: 'completed_with_warnings', trigger: 'manual' },
    { kind: 'workflow', hour: 6, status: 'failed', trigger: 'schedule' },
  ];
  for (const run of runs) {
    const at = `2026-06-01T0${run.hour}:00:00Z`;
    const [row] =
      run.kind === 'load'
        ? await sql<{ id: string }>(
            t.db.url,
            `INSERT INTO integration_run (integration_id, load_key, workflow_id, trigger, status, started_at, finished_at) VALUES ($1, $2, $2, $3, $4, $5, $5) RETURNING id`,
            [integrationId, `all-runs-${randomUUID()}`, run.trigger, run.status, at],
          )
        : await sql<{ id: string }>(
            t.db.url,
            `INSERT INTO workflow_run (workflow_id, version_id, temporal_workflow_id, mode, trigger_kind, trigger, status, created_at, started_at)
             VALUES ($1, $2, $3, 'live', $4, $5, $6, $7, $7) RETURNING id`,
            [workflowId, version!.id, `all-runs-${randomUUID()}`, run.trigger, JSON.stringify({ kind: run.trigger }), run.status, at],
          );
    newestFirst.unshift(row!.id);
    kindOf.set(row!.id, run.kind);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/all-runs', () => {
  it('merges user loads and workflow runs newest first, with the total of both', async () => {
    const page = await allRuns();
    expect(page.total).toBe(6);
    expect(ids(page)).toEqual(newestFirst);
    expect(page.items.map((i) => i.kind)).toEqual(newestFirst.map((id) => kindOf.get(id)));
    expect(page.items.find((i) => i.kind === 'load')!.run.integrationName).toMatch(/^All runs /);
  });

  it('pages through the merge: page 2 goes on where page 1 stopped, across both sources', async () => {
    const first = await allRuns('?pageSize=4');
    const second = await allRuns('?pageSize=4&page=2');
    expect(ids(first)).toEqual(newestFirst.slice(0, 4));
    expect(ids(second)).toEqual(newestFirst.slice(4));
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect((await allRuns('?pageSize=4&page=3')).items).toEqual([]);
  });

  it('filters both sources by status and trigger, and rules out the one that cannot match', async () => {
    const failed = await allRuns('?status=failed');
    expect(failed.items.map((i) => [i.kind, i.run.status])).toEqual([
      ['workflow', 'failed'],
      ['load', 'failed'],
    ]);
    expect((await allRuns('?trigger=manual')).total).toBe(3);
    // Only workflow runs can await approval or be started by an event; only loads belong to an integration.
    expect((await allRuns('?status=awaiting_approval')).items.map((i) => i.kind)).toEqual(['workflow']);
    expect((await allRuns('?trigger=event')).items.map((i) => i.kind)).toEqual(['workflow']);
    expect((await allRuns('?status=completed_with_warnings')).items.map((i) => i.kind)).toEqual(['load']);
    const ofIntegration = await allRuns(`?integrationId=${integrationId}`);
    expect(ofIntegration.total).toBe(3);
    expect(ofIntegration.items.every((i) => i.kind === 'load')).toBe(true);
    expect((await allRuns(`?integrationId=${integrationId}&status=awaiting_approval`)).total).toBe(0);
    // A workflow's runs only: the loads are ruled out, another workflow has none.
    const ofWorkflow = await allRuns(`?workflowId=${workflowId}`);
    expect(ids(ofWorkflow)).toEqual(newestFirst.filter((id) => kindOf.get(id) === 'workflow'));
    expect((await allRuns(`?workflowId=${workflowId}&status=failed`)).total).toBe(1);
    expect((await allRuns(`?workflowId=${randomUUID()}`)).total).toBe(0);
  });

  it('lists one source alone, paged the same way', async () => {
    const workflows = await allRuns('?source=workflows&pageSize=2&page=2');
    expect(workflows.total).toBe(3);
    expect(ids(workflows)).toEqual([newestFirst.filter((id) => kindOf.get(id) === 'workflow')[2]]);
    const loads = await allRuns('?source=loads&status=failed');
    expect(loads.items.map((i) => [i.kind, i.run.status])).toEqual([['load', 'failed']]);
  });

  it('refuses a status neither source knows', async () => {
    const res = await t.api('GET', '/api/all-runs?status=bogus');
    expect(res.status).toBe(400);
  });
});
