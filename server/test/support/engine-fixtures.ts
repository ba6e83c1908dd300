import type { SimulatorHandle } from '@rolecall/presets/simulators';
import { WORKFLOW_TEMPLATES, type GraphDraft, type WorkflowTemplate } from '@rolecall/workflows/graph';
import { runLoad, type TestApp } from './rolecall-app';

/** A vault credential for a simulator, created through the API. */
export async function credentialFor(t: TestApp, presetId: string, sim: SimulatorHandle, name = `${presetId} ${sim.port}`): Promise<string> {
  const res = await t.api('POST', '/api/credentials', { name, presetId, baseUrl: sim.url, fields: sim.credentials });
  if (res.status !== 201) throw new Error(`credential: ${res.status} ${res.text}`);
  return res.body.id;
}

/**
 * Fills an inventory app from a simulator with a user load (REST only) and returns the app id.
 * The integration declares the account's budget, which runs on the credential share with loads.
 */
export async function loadApp(
  t: TestApp,
  presetId: string,
  sim: SimulatorHandle,
  appName: string,
  /** The account's budget; null = the preset's published limit. Default: practically none (simulators without limits). */
  rateLimit: { requests: number; perMs: number } | null = { requests: 1_000_000, perMs: 1_000 },
): Promise<{ appId: string; credentialId: string; integrationId: string }> {
  const credentialId = await credentialFor(t, presetId, sim, appName);
  const integration = await t.api('POST', '/api/integrations', {
    name: appName,
    presetId,
    credentialId,
    appName,
    syncKeys: [{ field: 'externalId', priority: 1 }],
    rateLimit,
  });
  if (integration.status !== 201) throw new Error(`integration: ${integration.status} ${integration.text}`);
  const run = await runLoad(t, integration.body.id);
  if (run.status !== 'completed') throw new Error(`load ${run.status}: ${JSON.stringify(run)}`);
  const apps = (await t.api('GET', '/api/saas-apps')).body as { id: string; name: string }[];
  return { appId: apps.find((a) => a.name === appName)!.id, credentialId, integrationId: integration.body.id };
}

/** Every SaaS user of an app, through the inventory API. */
export async function inventoryOf(t: TestApp, appId: string): Promise<any[]> {
  const users: any[] = [];
  for (let page = 1; ; page++) {
    const { body } = await t.api('GET', `/api/saas-users?app=${appId}&page=${page}&pageSize=500`);
    users.push(...body.items);
    if (users.length >= body.total) return users;
  }
}

const at = (y: number) => ({ x: 0, y });

const template = (id: string): WorkflowTemplate => WORKFLOW_TEMPLATES.find((t) => t.id === id)!;

/** A template graph with the Begin's data and one node's data patched, for tests that vary what the template fixes. */
function patched(graph: GraphDraft, patches: Record<string, Record<string, unknown>>): GraphDraft {
  return { ...graph, nodes: graph.nodes.map((n) => (patches[n.id] ? { ...n, data: { ...(n.data as object), ...patches[n.id] } } : n)) };
}

/** Seed use case 1: the role audit template with "Deactivate if not found", started by `trigger` (by hand unless told). */
export function roleAuditGraph(appId: string, credentialId: string, trigger: unknown = { kind: 'manual' }): GraphDraft {
  return patched(template('scheduled-litmos-role-audit').graph({ appId, credentialId }), { begin: { trigger } });
}

/** Seed use case 2: deactivate Litmos users who have not logged in for a year (or never). */
export function staleLitmosGraph(appId: string, credentialId: string, cap: { maxUsers?: number; maxPercent?: number } = { maxPercent: 100 }): GraphDraft {
  return {
    nodes: [
      {
        id: 'begin',
        type: 'begin',
        position: at(0),
        data: {
          trigger: { kind: 'manual' },
          population: {
            appId,
            rule: {
              match: 'any',
              clauses: [
                { field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 365 },
                { field: 'saasUser.lastLoginAt', op: 'empty' },
              ],
            },
          },
        },
      },
      { id: 'active', type: 'rule', position: at(150), data: { match: 'all', clauses: [{ field: 'saasUser.status', op: 'eq', value: 'active' }] } },
      { id: 'deactivate', type: 'api', position: at(300), data: { presetId: 'litmos', actionId: 'deactivateUser', credentialId, cap } },
      { id: 'end', type: 'end', position: at(450), data: {} },
    ],
    edges: [
      { id: 'e1', source: 'begin', sourceHandle: 'next', target: 'active' },
      { id: 'e2', source: 'active', sourceHandle: 'true', target: 'deactivate' },
      { id: 'e3', source: 'active', sourceHandle: 'false', target: 'end' },
      { id: 'e4', source: 'deactivate', sourceHandle: 'success', target: 'end' },
      { id: 'e5', source: 'deactivate', sourceHandle: 'error', target: 'end' },
    ],
  };
}

/** Seed use case 3: the Lever delete template, on `event`, with a cap of 5 users. */
export function leverDeleteGraph(appId: string, credentialId: string, event: string): GraphDraft {
  return patched(template('lever-delete-on-offboarding').graph({ appId, credentialId }), { begin: { trigger: { kind: 'event', event } }, delete: { cap: { maxUsers: 5 } } });
}

/** Creates and launches a workflow through the API; returns its id and launched version. */
export async function launched(t: TestApp, name: string, graph: GraphDraft): Promise<{ id: string; version: any }> {
  const created = await t.api('POST', '/api/workflows', { name, graph });
  if (created.status !== 201) throw new Error(`create workflow: ${created.status} ${created.text}`);
  const version = await t.api('POST', `/api/workflows/${created.body.id}/launch`);
  if (version.status !== 200) throw new Error(`launch: ${version.status} ${version.text}`);
  return { id: created.body.id, version: version.body };
}

/** Polls a run until `done(run)` (default: it finished). */
export async function waitForWorkflowRun(t: TestApp, runId: string, done: (run: any) => boolean = (r) => ['completed', 'failed', 'cancelled'].includes(r.status), timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.api('GET', `/api/runs/${runId}`);
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`run ${runId} is still ${body.status} after ${timeoutMs} ms: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts a run through the API and waits for it to finish. */
export async function runWorkflow(t: TestApp, workflowId: string, mode: 'live' | 'dryRun' = 'live'): Promise<any> {
  const started = await t.api('POST', `/api/workflows/${workflowId}/runs`, { mode });
  if (started.status !== 202) throw new Error(`run: ${started.status} ${started.text}`);
  return waitForWorkflowRun(t, started.body.id);
}

/** Every record of a run, through the API. */
export async function recordsOf(t: TestApp, runId: string, query = ''): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const { body } = await t.api('GET', `/api/runs/${runId}/records?page=${page}&pageSize=1000${query}`);
    out.push(...body.items);
    if (out.length >= body.total) return out;
  }
}

/** Vendor users that use case 2 must deactivate: active, and last login over 365 days ago or never. */
export function staleActive(users: readonly Record<string, unknown>[], now = Date.now()): Set<string> {
  const cutoff = now - 365 * 24 * 60 * 60 * 1000;
  return new Set(users.filter((u) => u.Active === true && (u.LastLogin === null || Date.parse(String(u.LastLogin)) < cutoff)).map((u) => String(u.Id)));
}
