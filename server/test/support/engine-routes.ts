import type { GraphDraft } from '@rolecall/workflows/graph';
import { randomUUID } from 'node:crypto';
import { waitForWorkflowRun } from './engine-fixtures';
import type { TestApp } from './rolecall-app';

type Hit = (route: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/**
 * Exercises every workflow and run route (the merged `GET /api/all-runs` too) with each status it documents, for the OpenAPI test
 * (openapi.test.ts). Needs a Lever credential and a loaded Lever app of at least two users.
 */
export async function exerciseEngineRoutes(t: TestApp, hit: Hit): Promise<void> {
  const missing = randomUUID();
  const app = ((await t.api('GET', '/api/saas-apps')).body as { id: string; presetId: string; activeUserCount: number }[]).find((a) => a.presetId === 'lever' && a.activeUserCount >= 2)!;
  const credential = ((await t.api('GET', '/api/credentials')).body as { id: string; presetId: string }[]).find((c) => c.presetId === 'lever')!;
  const graph: GraphDraft = {
    nodes: [
      { id: 'begin', type: 'begin', position: { x: 0, y: 0 }, data: { trigger: { kind: 'manual' }, population: { appId: app.id, rule: { match: 'all', clauses: [{ field: 'saasUser.status', op: 'eq', value: 'active' }] } } } },
      { id: 'off', type: 'api', position: { x: 0, y: 100 }, data: { presetId: 'lever', actionId: 'deactivateUser', credentialId: credential.id, cap: { maxUsers: 1 } } },
      { id: 'end', type: 'end', position: { x: 0, y: 200 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'begin', target: 'off' },
      { id: 'e2', source: 'off', sourceHandle: 'success', target: 'end' },
      { id: 'e3', source: 'off', sourceHandle: 'error', target: 'end' },
    ],
  };
  const name = `Engine routes ${missing.slice(0, 8)}`;
  const created = await hit('POST /api/workflows', '/api/workflows', { name, graph: { nodes: [], edges: [] } });
  const id = created.body.id as string;
  await hit('POST /api/workflows', '/api/workflows', { name });
  await hit('POST /api/workflows', '/api/workflows', { graph: {} });
  await hit('GET /api/workflows', '/api/workflows');
  await hit('GET /api/workflows/compile-context', '/api/workflows/compile-context');
  await hit('GET /api/workflows/{id}', `/api/workflows/${id}`);
  await hit('GET /api/workflows/{id}', `/api/workflows/${missing}`);
  await hit('POST /api/workflows/{id}/validate', `/api/workflows/${id}/validate`);
  await hit('POST /api/workflows/{id}/validate', `/api/workflows/${missing}/validate`);
  await hit('POST /api/workflows/{id}/launch', `/api/workflows/${id}/launch`);
  await hit('POST /api/workflows/{id}/launch', `/api/workflows/${missing}/launch`);
  await hit('POST /api/workflows/{id}/pause', `/api/workflows/${id}/pause`);
  await hit('POST /api/workflows/{id}/pause', `/api/workflows/${missing}/pause`);
  await hit('POST /api/workflows/{id}/resume', `/api/workflows/${id}/resume`);
  await hit('POST /api/workflows/{id}/runs', `/api/workflows/${id}/runs`, { mode: 'live' });
  await hit('POST /api/workflows/{id}/runs', `/api/workflows/${missing}/runs`, { mode: 'live' });
  await hit('POST /api/workflows/{id}/runs', `/api/workflows/${id}/runs`, { mode: 'never' });
  const other = await t.api('POST', '/api/workflows', { name: `${name} other` });
  await hit('PATCH /api/workflows/{id}', `/api/workflows/${id}`, { name: other.body.name });
  await hit('PATCH /api/workflows/{id}', `/api/workflows/${id}`, { nope: true });
  await hit('PATCH /api/workflows/{id}', `/api/workflows/${missing}`, { name: 'x' });
  await hit('PATCH /api/workflows/{id}', `/api/workflows/${id}`, { graph });
  await hit('POST /api/workflows/{id}/validate', `/api/workflows/${id}/validate`);
  await hit('POST /api/workflows/{id}/launch', `/api/workflows/${id}/launch`);
  await hit('POST /api/workflows/{id}/pause', `/api/workflows/${id}/pause`);
  await hit('POST /api/workflows/{id}/resume', `/api/workflows/${id}/resume`);
  await hit('GET /api/workflows/{id}/versions', `/api/workflows/${id}/versions`);
  await hit('GET /api/workflows/{id}/versions', `/api/workflows/${missing}/versions`);
  const [launchedVersion] = (await t.api('GET', `/api/workflows/${id}/versions`)).body;
  await hit('GET /api/workflows/{id}/versions/{versionId}', `/api/workflows/${id}/versions/${launchedVersion.id}`);
  await hit('GET /api/workflows/{id}/versions/{versionId}', `/api/workflows/${id}/versions/${missing}`);
  // A dry run of a draft that does not compile: 422 with the compile errors.
  await hit('POST /api/workflows/{id}/runs', `/api/workflows/${other.body.id}/runs`, { mode: 'dryRun', of: 'draft' });

  // One run approved, one cancelled (both stop at the cap of one user), one finished.
  const waitAt = async (runId: string) => waitForWorkflowRun(t, runId, (r) => r.status === 'awaiting_approval');
  const approved = await hit('POST /api/workflows/{id}/runs', `/api/workflows/${id}/runs`, { mode: 'live' });
  await waitAt(approved.body.id);
  await hit('POST /api/runs/{id}/approve', `/api/runs/${approved.body.id}/approve`);
  await waitForWorkflowRun(t, approved.body.id);
  await hit('POST /api/runs/{id}/approve', `/api/runs/${approved.body.id}/approve`);
  await hit('POST /api/runs/{id}/approve', `/api/runs/${missing}/approve`);
  await hit('POST /api/runs/{id}/cancel', `/api/runs/${approved.body.id}/cancel`);
  await hit('POST /api/runs/{id}/cancel', `/api/runs/${missing}/cancel`);
  await t.api('PATCH', `/api/workflows/${id}`, { graph: { ...graph, nodes: graph.nodes.map((n) => (n.id === 'begin' ? { ...n, data: { ...(n.data as object), population: { appId: app.id, rule: { match: 'all', clauses: [] } } } } : n)) } });
  await t.api('POST', `/api/workflows/${id}/launch`);
  const cancelled = await t.api('POST', `/api/workflows/${id}/runs`, { mode: 'live' });
  await waitAt(cancelled.body.id);
  await hit('POST /api/runs/{id}/cancel', `/api/runs/${cancelled.body.id}/cancel`);
  await hit('GET /api/runs', `/api/runs?workflowId=${id}`);
  await hit('GET /api/runs', '/api/runs?status=nope');
  await hit('GET /api/all-runs', '/api/all-runs?trigger=manual&pageSize=5');
  await hit('GET /api/all-runs', '/api/all-runs?status=nope');
  await hit('GET /api/runs/{id}', `/api/runs/${approved.body.id}`);
  await hit('GET /api/runs/{id}', `/api/runs/${missing}`);
  await hit('GET /api/runs/{id}/records', `/api/runs/${approved.body.id}/records`);
  await hit('GET /api/runs/{id}/records', `/api/runs/${missing}/records`);
  await hit('GET /api/runs/{id}/records.csv', `/api/runs/${approved.body.id}/records.csv`);
  await hit('GET /api/runs/{id}/records.csv', `/api/runs/${approved.body.id}/records.csv?nodeId=`);
  await hit('GET /api/runs/{id}/records.csv', `/api/runs/${missing}/records.csv`);
  await hit('DELETE /api/workflows/{id}', `/api/workflows/${other.body.id}`);
  await hit('DELETE /api/workflows/{id}', `/api/workflows/${missing}`);
}
