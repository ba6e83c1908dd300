import { createServer, type Server } from 'node:http';
import { startPlanhatSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, startTestApp, type TestApp } from './support/rolecall-app';
import { TEST_ACTOR_NAME } from './support/test-admin';

let t: TestApp;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await t?.close();
});

async function planhat(options: Parameters<typeof startPlanhatSimulator>[0] = {}): Promise<SimulatorHandle> {
  const sim = await startPlanhatSimulator({ users: 40, rateLimit: false, ...options });
  closers.push(() => sim.close());
  return sim;
}

/**
 * A Planhat of our own, written apart from the simulators: it serves exactly `users` as the bare
 * array Planhat lists (limit/offset), so a test can send what no simulator would (a repeated id).
 */
async function fakePlanhat(users: Record<string, unknown>[]): Promise<string> {
  const server: Server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://fake').searchParams;
    const offset = Number(query.get('offset') ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(users.slice(offset, offset + Number(query.get('limit') ?? 100))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function vendorPut(sim: SimulatorHandle, id: string, patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sim.url}/users/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${sim.credentials.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  expect(res.status).toBe(200);
}

async function integration(name: string, baseUrl: string, fields: Record<string, string>, extra: Record<string, unknown> = {}): Promise<string> {
  const credential = await t.api('POST', '/api/credentials', { name: `${name} credential`, presetId: 'planhat', baseUrl, fields });
  expect(credential.status, credential.text).toBe(201);
  const res = await t.api('POST', '/api/integrations', {
    name,
    presetId: 'planhat',
    credentialId: credential.body.id,
    appName: name,
    syncKeys: [{ field: 'externalId', priority: 1 }],
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

/** The SaaS users of an integration's app, found through the app id its view exposes. */
async function usersOf(integrationId: string): Promise<any[]> {
  const { appId } = (await t.api('GET', `/api/integrations/${integrationId}`)).body;
  expect(appId).toEqual(expect.any(String));
  return (await t.api('GET', `/api/saas-users?app=${appId}&pageSize=500`)).body.items;
}

const db = () => t.app.get(DataSource);

async function eventsOf(saasUserId: string): Promise<string[]> {
  const rows: { type: string }[] = await db().query(`SELECT type FROM inventory_event WHERE saas_user_id = $1 ORDER BY id`, [saasUserId]);
  return rows.map((r) => r.type);
}

describe('a load never corrupts vendor identities', () => {
  it('skips, with its reason, a record whose email matches the SaaS user of another vendor id', async () => {
    const sim = await planhat();
    const id = await integration('identity', sim.url, sim.credentials, { syncKeys: [{ field: 'email', priority: 1 }] });
    await runLoad(t, id);
    const [a, b] = (await usersOf(id)).filter((u) => u.email);
    // At the vendor, b now carries a's old email: matching by email would rewrite row a to b's
    // vendor id (which row b already holds).
    await vendorPut(sim, a.externalId, { email: 'moved@example.com' });
    await vendorPut(sim, b.externalId, { email: a.email });

    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: 'completed', fetched: 40, created: 0, updated: 1, unchanged: 38, skipped: 1, failed: 0 });
    expect(run.errors).toEqual([
      expect.objectContaining({
        externalId: b.externalId,
        outcome: 'skipped',
        reason: `email matches the SaaS user of vendor id ${a.externalId}, not ${b.externalId}: a load never changes a user's vendor id`,
      }),
    ]);
    const after = new Map((await usersOf(id)).map((u) => [u.id, u]));
    expect(after.get(a.id)).toMatchObject({ externalId: a.externalId, email: 'moved@example.com', status: 'active' });
    expect(after.get(b.id)).toMatchObject({ externalId: b.externalId, email: b.email, status: 'active' });
  });

  it('sends a sync-key value repeated on a later page to the error log instead of rewriting the first row', async () => {
    // 20 users a page: the users at positions 0 and 30 are listed on different pages.
    const sim = await planhat({ maxLimit: 20, seed: 11 });
    const first = sim.state.get(sim.state.idAt(0)!)!;
    const later = sim.state.idAt(30)!;
    await vendorPut(sim, later, { email: first.email });
    const id = await integration('cross-page duplicates', sim.url, sim.credentials, { syncKeys: [{ field: 'email', priority: 1 }] });

    const run = await runLoad(t, id);
    expect(run.pagesDone).toBeGreaterThan(1);
    expect(run).toMatchObject({ status: 'completed', fetched: 40, created: 39, updated: 0, skipped: 1 });
    expect(run.errors).toEqual([
      expect.objectContaining({ externalId: later, outcome: 'skipped', reason: 'duplicate in source: another record of this load has the same email' }),
    ]);
    const stored = await usersOf(id);
    expect(stored).toHaveLength(39);
    expect(stored.find((u) => u.email === String(first.email).toLowerCase())?.externalId).toBe(first._id);
  });
});

describe('one bad record does not fail the load', () => {
  it('logs a vendor id repeated within a page and loads the other records', async () => {
    const url = await fakePlanhat([
      { _id: 'ph-1', email: 'one@example.com', firstName: 'One' },
      { _id: 'ph-1', email: 'uno@example.com', firstName: 'Uno' },
      { _id: 'ph-2', email: 'two@example.com', firstName: 'Two' },
    ]);
    const id = await integration('repeated vendor id', url, { token: 'fake-planhat-token-0123456789' }, { syncKeys: [{ field: 'email', priority: 1 }] });
    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: 'completed', fetched: 3, created: 2, skipped: 1, failed: 0 });
    expect(run.errors).toEqual([
      expect.objectContaining({ externalId: 'ph-1', outcome: 'skipped', reason: 'duplicate in source: another record of this load has the same externalId' }),
    ]);
    expect((await usersOf(id)).map((u) => [u.externalId, u.email]).sort()).toEqual([
      ['ph-1', 'one@example.com'],
      ['ph-2', 'two@example.com'],
    ]);
  });

  it("logs a user that breaks the preset's schema, loads the rest and keeps that user's row", async () => {
    const sim = await planhat({ seed: 12 });
    const id = await integration('schema failure', sim.url, sim.credentials);
    await runLoad(t, id);
    const broken = sim.state.idAt(5)!;
    await vendorPut(sim, broken, { inactive: 'not a boolean' });

    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: 'completed', fetched: 39, failed: 1, deactivated: 0 });
    expect(run.errors).toEqual([
      expect.objectContaining({ externalId: broken, outcome: 'failed', reason: 'does not match the Planhat user schema (fields: inactive)' }),
    ]);
    // Still at the vendor, only unreadable this time: not treated as gone.
    expect((await usersOf(id)).find((u) => u.externalId === broken)?.status).toBe('active');
  });
});

describe('manual status changes are pending intents', () => {
  it('keeps a manual deactivation through loads until the vendor reports it too', async () => {
    const sim = await planhat({ seed: 13 });
    const id = await integration('manual intent', sim.url, sim.credentials);
    await runLoad(t, id);
    const [user] = (await usersOf(id)).filter((u) => u.status === 'active');
    const patched = await t.api('PATCH', `/api/saas-users/${user.id}`, { status: 'deactivated' });
    expect(patched.body).toMatchObject({ status: 'deactivated', manualStatus: 'deactivated', manualBy: TEST_ACTOR_NAME, manualAt: expect.any(String) });

    // The vendor still lists the user as active: the admin's intent stands.
    await runLoad(t, id);
    expect((await usersOf(id)).find((u) => u.id === user.id)).toMatchObject({ status: 'deactivated', manualStatus: 'deactivated' });

    // The vendor agrees now: the intent is fulfilled and cleared, with no second event.
    await vendorPut(sim, user.externalId, { inactive: true });
    await runLoad(t, id);
    expect((await usersOf(id)).find((u) => u.id === user.id)).toMatchObject({ status: 'deactivated', manualStatus: null, manualBy: null });
    expect(await eventsOf(user.id)).toEqual(['saasUser.created', 'saasUser.deactivated']);
  });

  it('lets an admin drop a pending intent, after which the next load takes the vendor status', async () => {
    const sim = await planhat({ seed: 14 });
    const id = await integration('dropped intent', sim.url, sim.credentials);
    await runLoad(t, id);
    const [user] = (await usersOf(id)).filter((u) => u.status === 'active');
    await t.api('PATCH', `/api/saas-users/${user.id}`, { status: 'deactivated' });

    const dropped = await t.api('DELETE', `/api/saas-users/${user.id}/manual-status`);
    expect(dropped.status, dropped.text).toBe(200);
    expect(dropped.body).toMatchObject({ status: 'deactivated', manualStatus: null });
    const audit = await db().query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY at, id`, [user.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['saas_user.deactivated', 'saas_user.intent_cleared']);

    await runLoad(t, id);
    expect((await usersOf(id)).find((u) => u.id === user.id)).toMatchObject({ status: 'active', manualStatus: null });
    expect(await eventsOf(user.id)).toEqual(['saasUser.created', 'saasUser.deactivated', 'saasUser.reactivated']);
  });
});

describe('re-loading an unchanged listing', () => {
  it('counts every record as unchanged and rewrites no row, yet still deactivates users gone from the source', async () => {
    const sim = await planhat({ seed: 15 });
    const id = await integration('unchanged', sim.url, sim.credentials);
    await runLoad(t, id);
    const { appId } = (await t.api('GET', `/api/integrations/${id}`)).body;
    // xmin is the transaction that wrote a row's current version: any rewrite changes it.
    const versions = async () =>
      db().query(
        `SELECT u.id, u.xmin::text AS u, p.xmin::text AS p FROM saas_user u LEFT JOIN person p ON p.id = u.person_id
         WHERE u.app_id = $1 ORDER BY u.id`,
        [appId],
      );
    const before = await versions();
    const eventCount = async () => (await db().query(`SELECT count(*)::int AS n FROM inventory_event WHERE app_id = $1`, [appId]))[0].n;
    const eventsBefore = await eventCount();

    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: 'completed', fetched: 40, created: 0, updated: 0, unchanged: 40, skipped: 0, deactivated: 0 });
    expect(await versions()).toEqual(before);
    expect(await eventCount()).toBe(eventsBefore);

    const gone = sim.state.idAt(3)!;
    const res = await fetch(`${sim.url}/users/${gone}`, { method: 'DELETE', headers: { authorization: `Bearer ${sim.credentials.token}` } });
    expect(res.status).toBe(200);
    const after = await runLoad(t, id);
    expect(after).toMatchObject({ status: 'completed', fetched: 39, unchanged: 39, deactivated: 1 });
    expect((await usersOf(id)).find((u) => u.externalId === gone)?.status).toBe('deactivated');
    expect(await db().query(`SELECT count(*)::int AS n FROM inventory_load_key`)).toEqual([{ n: 0 }]);
  });
});

describe('two tenants of one preset', () => {
  it('load into apps of their own, found through the app id of each integration', async () => {
    // Same seed: both accounts list the same vendor ids, which used to overwrite each other.
    const first = await planhat({ users: 30, seed: 16 });
    const second = await planhat({ users: 12, seed: 16 });
    const a = await integration('tenant a', first.url, first.credentials, { appName: 'Planhat' });
    const b = await integration('tenant b', second.url, second.credentials, { appName: 'Planhat' });
    expect((await t.api('GET', `/api/integrations/${a}`)).body.appId).toBeNull();
    expect(await runLoad(t, a)).toMatchObject({ status: 'completed', created: 30 });
    expect(await runLoad(t, b)).toMatchObject({ status: 'completed', created: 12 });
    expect(await runLoad(t, a)).toMatchObject({ status: 'completed', unchanged: 30, deactivated: 0 });

    const views = (await t.api('GET', '/api/integrations')).body as any[];
    const appA = views.find((v) => v.id === a).appId;
    const appB = views.find((v) => v.id === b).appId;
    expect(appA).not.toBe(appB);
    expect(await usersOf(a)).toHaveLength(30);
    expect(await usersOf(b)).toHaveLength(12);
    expect((await usersOf(b)).every((u) => u.appId === appB)).toBe(true);
    const apps = ((await t.api('GET', '/api/saas-apps')).body as any[]).filter((app) => app.name === 'Planhat');
    expect(apps.map((app) => app.userCount).sort()).toEqual([12, 30]);
  });
});
