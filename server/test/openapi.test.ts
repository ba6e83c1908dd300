import { startLeverSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as allRunsDtos from '../src/all-runs/all-runs.dto';
import * as auditDtos from '../src/audit/audit.dto';
import * as authDtos from '../src/auth/auth.dto';
import * as credentialDtos from '../src/credentials/credentials.dto';
import * as healthDtos from '../src/health/health.dto';
import * as integrationDtos from '../src/integrations/integrations.dto';
import * as inventoryDtos from '../src/inventory/inventory.dto';
import { exerciseEngineRoutes } from './support/engine-routes';
import { startTestApp, waitForRun, type TestApp } from './support/rolecall-app';
import { sessionHeaders, signIn, type TestSession } from './support/test-admin';
import { sql } from './support/vault-app';

type Schema = { type?: string | string[]; anyOf?: Schema[]; properties?: Record<string, Schema>; description?: string };
type Operation = { responses: Record<string, unknown>; parameters?: { name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

let t: TestApp;
let doc: Doc;
let lever: SimulatorHandle;

beforeAll(async () => {
  lever = await startLeverSimulator({ users: 40, rateLimit: false });
  t = await startTestApp();
  doc = (await t.api<Doc>('GET', '/api/docs-json')).body;
});

afterAll(async () => {
  await t?.close();
  await lever?.close();
});

const allowsNull = (s: Schema) => s.anyOf?.some((x) => x.type === 'null') ?? (Array.isArray(s.type) && s.type.includes('null'));
const allowsString = (s: Schema) => s.anyOf?.some((x) => x.type === 'string') ?? (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')));

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, where `type: [string, null]` and `{type: null}` are valid', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents nullable strings as nullable strings, never as arrays', () => {
    const schemas = doc.components.schemas;
    const named: [string, string][] = [['CredentialDto', 'region'], ['CredentialDto', 'baseUrl'], ['LoadRunViewDto', 'finishedAt'], ['LoadRunViewDto', 'error'], ['LoadRunDetailDto', 'error']];
    for (const [dto, field] of named) {
      const prop = schemas[dto]!.properties![field]!;
      expect(prop.type, `${dto}.${field}`).not.toBe('array');
      expect(allowsNull(prop) && allowsString(prop), `${dto}.${field}: ${JSON.stringify(prop)}`).toBe(true);
    }
    // Every DTO: a top-level property is an array in the document only if its zod schema is one.
    const dtos = [allRunsDtos, auditDtos, authDtos, credentialDtos, healthDtos, integrationDtos, inventoryDtos].flatMap((m) => Object.entries(m));
    for (const [name, dto] of dtos) {
      const documented = schemas[name]?.properties;
      if (!documented) continue;
      const fromZod = z.toJSONSchema((dto as unknown as { schema: z.ZodType }).schema, { io: 'output', unrepresentable: 'any' }) as Schema;
      for (const [field, prop] of Object.entries(documented)) {
        if (prop.type !== 'array') continue;
        expect(fromZod.properties?.[field]?.type, `${name}.${field} is documented as an array`).toBe('array');
      }
    }
  });

  it('documents Run now as 202, the CSV without paging, and sync keys as required for launch', () => {
    expect(Object.keys(doc.paths['/api/integrations/{id}/run']!.post!.responses)).toContain('202');
    const csvParams = (doc.paths['/api/saas-users.csv']!.get!.parameters ?? []).map((p) => p.name);
    expect(csvParams).toEqual(expect.arrayContaining(['app', 'q', 'status']));
    expect(csvParams).not.toContain('page');
    expect(csvParams).not.toContain('pageSize');
    const syncKeys = doc.components.schemas.CreateIntegrationDto!.properties!.syncKeys!;
    expect(syncKeys.description).toMatch(/required to launch/);
    expect(doc.components.schemas.IntegrationViewDto!.properties!.appId).toBeDefined();
  });
});

describe('every route answers only the statuses it documents', () => {
  /** `METHOD /api/path/{param}` → statuses seen. */
  const answered = new Map<string, Set<number>>();

  function note(route: string, status: number) {
    const seen = answered.get(route) ?? new Set<number>();
    seen.add(status);
    answered.set(route, seen);
  }

  async function hit(route: string, path: string, body?: unknown) {
    const [method] = route.split(' ');
    const res = await t.api(method!, path, body);
    note(route, res.status);
    return res;
  }

  /** A call as a signed-in browser (session cookie and CSRF header) or anonymously (`session` undefined). */
  async function hitAs(session: TestSession | undefined, route: string, path: string, body?: unknown) {
    const [method] = route.split(' ');
    const res = await fetch(`${t.base}${path}`, {
      method,
      headers: { ...(session ? sessionHeaders(session) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    note(route, res.status);
    return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
  }

  // A documented success that needs a rare state (a run held for confirmation) may go unanswered here;
  // every documented error status must be reached, so none is documented that cannot happen.
  it('answers only documented statuses, and reaches every documented error of every route', async () => {
    const unique = (s: string) => `${s} ${randomUUID().slice(0, 8)}`;
    const missing = randomUUID();
    await hit('GET /api/health', '/api/health');
    const down = await startTestApp({ TEMPORAL_ADDRESS: '127.0.0.1:9', ROLECALL_EMBEDDED_WORKER: 'false' });
    try {
      const res = await down.api('GET', '/api/health');
      answered.get('GET /api/health')!.add(res.status);
    } finally {
      await down.close();
    }
    await hit('GET /api/presets', '/api/presets');

    // Credentials.
    const credBody = { name: unique('Lever'), presetId: 'lever', baseUrl: lever.url, fields: lever.credentials };
    const cred = await hit('POST /api/credentials', '/api/credentials', credBody);
    await hit('POST /api/credentials', '/api/credentials', { presetId: 'lever' });
    await hit('POST /api/credentials', '/api/credentials', credBody);
    const credId = cred.body.id as string;
    await hit('GET /api/credentials', '/api/credentials');
    await hit('GET /api/credentials/{id}', `/api/credentials/${credId}`);
    await hit('GET /api/credentials/{id}', `/api/credentials/${missing}`);
    const other = await t.api('POST', '/api/credentials', { ...credBody, name: unique('Lever other') });
    await hit('PATCH /api/credentials/{id}', `/api/credentials/${credId}`, { name: unique('Lever renamed') });
    await hit('PATCH /api/credentials/{id}', `/api/credentials/${credId}`, {});
    await hit('PATCH /api/credentials/{id}', `/api/credentials/${missing}`, { name: 'x' });
    await hit('PATCH /api/credentials/{id}', `/api/credentials/${credId}`, { name: other.body.name });
    await hit('POST /api/credentials/{id}/test', `/api/credentials/${credId}/test`);
    await hit('POST /api/credentials/{id}/test', `/api/credentials/${missing}/test`);
    await sql(t.db.url, `UPDATE credential SET ciphertext = overlay(ciphertext placing '\\x00'::bytea from 3 for 1) WHERE id = $1`, [other.body.id]);
    await hit('POST /api/credentials/{id}/test', `/api/credentials/${other.body.id}/test`);
    await hit('DELETE /api/credentials/{id}', `/api/credentials/${other.body.id}`);
    await hit('DELETE /api/credentials/{id}', `/api/credentials/${missing}`);
    await hit('POST /api/credentials/test', '/api/credentials/test', { ...credBody, name: unique('Unsaved') });
    await hit('POST /api/credentials/test', '/api/credentials/test', { presetId: 'lever' });

    // Integrations and their runs.
    const draft = await hit('POST /api/integrations', '/api/integrations', { name: unique('Draft'), presetId: 'lever' });
    await hit('POST /api/integrations/{id}/launch', `/api/integrations/${draft.body.id}/launch`);
    await hit('POST /api/integrations/{id}/run', `/api/integrations/${draft.body.id}/run`);
    await hit('POST /api/integrations/{id}/pause', `/api/integrations/${draft.body.id}/pause`);
    const created = await t.api('POST', '/api/integrations', {
      name: unique('Lever load'),
      presetId: 'lever',
      credentialId: credId,
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    const id = created.body.id as string;
    await hit('GET /api/integrations', '/api/integrations');
    await hit('GET /api/integrations/{id}', `/api/integrations/${id}`);
    await hit('PATCH /api/integrations/{id}', `/api/integrations/${id}`, { appName: unique('Lever app') });
    await hit('POST /api/integrations/{id}/launch', `/api/integrations/${id}/launch`);
    await hit('POST /api/integrations/{id}/pause', `/api/integrations/${id}/pause`);
    // A slow vendor keeps the first run going while it is retried (409) and cancelled.
    lever.setFaults({ latencyMs: 3_000 });
    const started = await hit('POST /api/integrations/{id}/run', `/api/integrations/${id}/run`);
    const runId = started.body.id as string;
    await hit('POST /api/integrations/{id}/run', `/api/integrations/${id}/run`);
    await hit('POST /api/integrations/{id}/runs/{runId}/confirm', `/api/integrations/${id}/runs/${runId}/confirm`);
    await hit('POST /api/integrations/{id}/runs/{runId}/skip-deactivation', `/api/integrations/${id}/runs/${runId}/skip-deactivation`);
    await hit('POST /api/integrations/{id}/runs/{runId}/retry', `/api/integrations/${id}/runs/${runId}/retry`);
    await hit('POST /api/integrations/{id}/runs/{runId}/cancel', `/api/integrations/${id}/runs/${runId}/cancel`);
    await hit('POST /api/integrations/{id}/runs/{runId}/cancel', `/api/integrations/${id}/runs/${runId}/cancel`);
    lever.setFaults({});
    const retried = await hit('POST /api/integrations/{id}/runs/{runId}/retry', `/api/integrations/${id}/runs/${runId}/retry`);
    expect((await waitForRun(t, id, retried.body.id)).status).toBe('completed');
    await hit('GET /api/integrations/{id}/runs', `/api/integrations/${id}/runs`);
    await hit('GET /api/integrations/{id}/runs/{runId}', `/api/integrations/${id}/runs/${runId}`);
    await hit('GET /api/integrations/{id}/runs/{runId}/errors.csv', `/api/integrations/${id}/runs/${runId}/errors.csv`);
    await hit('GET /api/load-runs', '/api/load-runs?status=completed');
    await hit('POST /api/integrations/preview', '/api/integrations/preview', { presetId: 'lever', credentialId: credId, mappings: created.body.mappings });
    await hit('GET /api/dashboard', '/api/dashboard');

    // Inventory, filled by that load.
    await hit('GET /api/saas-apps', '/api/saas-apps');
    const users = await hit('GET /api/saas-users', '/api/saas-users?pageSize=1');
    await hit('GET /api/saas-users.csv', '/api/saas-users.csv?status=active');
    await hit('PATCH /api/saas-users/{id}', `/api/saas-users/${users.body.items[0].id}`, { status: 'deactivated' });
    await hit('DELETE /api/saas-users/{id}/manual-status', `/api/saas-users/${users.body.items[0].id}/manual-status`);
    await hit('GET /api/saas-users/{id}', `/api/saas-users/${users.body.items[0].id}`);
    await hit('GET /api/saas-users/{id}/events', `/api/saas-users/${users.body.items[0].id}/events`);
    const people = await hit('GET /api/people', '/api/people?pageSize=1');
    await hit('GET /api/people/{id}', `/api/people/${people.body.items[0].id}`);
    await hit('GET /api/people/{id}/events', `/api/people/${people.body.items[0].id}/events`);
    await hit('PATCH /api/people/{id}', `/api/people/${people.body.items[0].id}`, { status: 'offboarded' });
    await hit('DELETE /api/integrations/{id}', `/api/integrations/${draft.body.id}`);
    await exerciseEngineRoutes(t, hit);

    // Temporal Web UI's codec endpoint: a plain payload passes, a malformed one is refused.
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{}').toString('base64') };
    await hit('POST /api/temporal-codec/decode', '/api/temporal-codec/decode', { payloads: [plain] });
    await hit('POST /api/temporal-codec/decode', '/api/temporal-codec/decode', { payloads: 'nope' });

    // Sign-in, users, tokens and the audit log.
    const password = 'a long enough password';
    const email = `${unique('user').replace(' ', '-')}@rolecall.test`;
    const user = await hit('POST /api/users', '/api/users', { email, role: 'editor', password });
    await hit('POST /api/users', '/api/users', { email: 'not an email' });
    await hit('POST /api/users', '/api/users', { email, role: 'editor', password });
    await hit('GET /api/users', '/api/users');
    await hit('PATCH /api/users/{id}', `/api/users/${user.body.id}`, { name: 'Renamed' });
    await hit('PATCH /api/users/{id}', `/api/users/${user.body.id}`, {});
    await hit('PATCH /api/users/{id}', `/api/users/${missing}`, { name: 'x' });
    const me = await hit('GET /api/me', '/api/me');
    await hit('PATCH /api/users/{id}', `/api/users/${me.body.id}`, { role: 'viewer' });
    await hit('POST /api/users/{id}/password', `/api/users/${user.body.id}/password`, { password });
    await hit('POST /api/users/{id}/password', `/api/users/${user.body.id}/password`, { password: 'short' });
    await hit('POST /api/users/{id}/password', `/api/users/${missing}/password`, { password });
    await hitAs(undefined, 'POST /api/auth/login', '/api/auth/login', { email });
    for (let i = 0; i < 5; i++) await hitAs(undefined, 'POST /api/auth/login', '/api/auth/login', { email, password: 'wrong password' });
    await hit('POST /api/users/{id}/password', `/api/users/${user.body.id}/password`, { password });
    const signedIn = await hitAs(undefined, 'POST /api/auth/login', '/api/auth/login', { email, password });
    expect(signedIn.status).toBe(200);
    const session = await signIn(t.base, email, password);
    await hitAs(session, 'POST /api/me/password', '/api/me/password', { currentPassword: password, newPassword: 'short' });
    await hitAs(session, 'POST /api/me/password', '/api/me/password', { currentPassword: 'wrong password', newPassword: `${password} 2` });
    await hitAs(session, 'POST /api/me/password', '/api/me/password', { currentPassword: password, newPassword: `${password} 2` });
    const again = await signIn(t.base, email, `${password} 2`);
    const token = await hitAs(again, 'POST /api/tokens', '/api/tokens', { name: 'ci', role: 'editor' });
    await hitAs(again, 'POST /api/tokens', '/api/tokens', { name: '' });
    await hitAs(again, 'POST /api/tokens', '/api/tokens', { name: 'too high', role: 'admin' });
    await hitAs(again, 'GET /api/tokens', '/api/tokens');
    await hitAs(again, 'DELETE /api/tokens/{id}', `/api/tokens/${token.json.id}`);
    await hitAs(again, 'DELETE /api/tokens/{id}', `/api/tokens/${missing}`);
    await hit('POST /api/auth/logout', '/api/auth/logout');
    await hitAs(again, 'POST /api/auth/logout', '/api/auth/logout');
    await hit('GET /api/audit', '/api/audit?action=auth.');
    await hit('GET /api/audit', '/api/audit?page=0');
    await hit('GET /api/audit.csv', '/api/audit.csv?action=user.');
    await hit('GET /api/audit.csv', '/api/audit.csv?from=yesterday');

    const problems: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        const documented = new Set(Object.keys(op.responses).map(Number));
        const seen = answered.get(route) ?? new Set<number>();
        if (seen.size === 0) problems.push(`${route}: not exercised`);
        for (const s of seen) if (!documented.has(s)) problems.push(`${route}: answered ${s}, documents ${[...documented].join(', ')}`);
        for (const s of documented) if (s >= 300 && !seen.has(s)) problems.push(`${route}: documents ${s}, never answered it`);
      }
    }
    expect(problems).toEqual([]);
  });
});
