import { startPlanhatSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { userLoadContract } from '@rolecall/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, startTestApp, type TestApp } from './support/rolecall-app';
import { TEST_ACTOR_NAME } from './support/test-admin';

let t: TestApp;
let planhat: SimulatorHandle;
let credentialId: string;

/** Planhat accepts partial PUTs, so tests can change records at the "vendor" between loads. */
async function vendorPut(id: string, patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${planhat.url}/users/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${planhat.credentials.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  expect(res.status).toBe(200);
}

async function vendorDelete(id: string): Promise<void> {
  const res = await fetch(`${planhat.url}/users/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${planhat.credentials.token}` },
  });
  expect(res.status).toBeLessThan(300);
}

async function newIntegration(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.api('POST', '/api/integrations', {
    name,
    presetId: 'planhat',
    credentialId,
    appName: `Planhat ${name}`,
    syncKeys: [{ field: 'externalId', priority: 1 }],
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function users(appName: string): Promise<any[]> {
  const app = ((await t.api('GET', '/api/saas-apps')).body as any[]).find((a) => a.name === appName);
  return app ? (await t.api('GET', `/api/saas-users?app=${app.id}&pageSize=500`)).body.items : [];
}

async function auditRows(subjectId: string): Promise<any[]> {
  return t.app.get((await import('typeorm')).DataSource).query(`SELECT actor_name AS actor, action, details FROM audit_event WHERE subject_id = $1 ORDER BY at, id`, [subjectId]);
}

async function events(type: string): Promise<any[]> {
  return t.app.get((await import('typeorm')).DataSource).query(`SELECT * FROM inventory_event WHERE type = $1 ORDER BY id`, [type]);
}

beforeAll(async () => {
  t = await startTestApp();
  planhat = await startPlanhatSimulator({ users: 40, rateLimit: false });
  const res = await t.api('POST', '/api/credentials', { name: 'planhat sim', presetId: 'planhat', baseUrl: planhat.url, fields: planhat.credentials });
  expect(res.status, res.text).toBe(201);
  credentialId = res.body.id;
});

afterAll(async () => {
  await planhat?.close();
  await t?.close();
});

describe('user load preferences, sync keys and the error log', () => {
  it('update only: creates nothing and logs every record it skipped', async () => {
    const id = await newIntegration('update-only', { preference: 'update_only' });
    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: 'completed_with_warnings', fetched: 40, created: 0, updated: 0, skipped: 40 });
    expect(run.warning).toBe('every one of the 40 records fetched were skipped or failed; the error log says why');
    expect(run.errors).toHaveLength(40);
    expect(new Set(run.errors.map((e: any) => e.reason))).toEqual(new Set(['update only: no matching record']));
    expect(run.errors.every((e: any) => e.outcome === 'skipped' && e.externalId)).toBe(true);
    expect(await users('Planhat update-only')).toHaveLength(0);
  });

  it('create & update: re-running is idempotent and updates what changed at the vendor', async () => {
    const id = await newIntegration('create-update');
    const first = await runLoad(t, id);
    expect(first).toMatchObject({ status: 'completed', created: 40, updated: 0 });
    const createdEvents = (await events('saasUser.created')).length;

    const target = (await users('Planhat create-update'))[0];
    await vendorPut(target.externalId, { firstName: 'Renamed' });
    const second = await runLoad(t, id);
    expect(second).toMatchObject({ status: 'completed', created: 0, updated: 1, unchanged: 39, skipped: 0 });
    const after = await users('Planhat create-update');
    expect(after).toHaveLength(40);
    expect(after.find((u) => u.externalId === target.externalId).firstName).toBe('Renamed');
    expect((await events('saasUser.created')).length).toBe(createdEvents);
  });

  it('create only: leaves existing records untouched and says so', async () => {
    const id = await newIntegration('create-only', { preference: 'create_only', appName: 'Planhat create-update' });
    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: 'completed_with_warnings', created: 0, updated: 0, skipped: 40 });
    expect(run.errors[0].reason).toBe('create only: a matching record already exists');
  });

  it('explains invalid records, deactivates users gone from the source, and emits events', async () => {
    const id = await newIntegration('lifecycle');
    await runLoad(t, id);
    const [gone, broken, disabled] = (await users('Planhat lifecycle')).filter((u) => u.status === 'active');
    await vendorDelete(gone.externalId);
    await vendorPut(broken.externalId, { email: 'not-an-email' });
    await vendorPut(disabled.externalId, { inactive: true });
    const deactivatedBefore = (await events('saasUser.deactivated')).length;

    const run = await runLoad(t, id);
    expect(run).toMatchObject({ status: 'completed', fetched: 39, failed: 1, deactivated: 2 });
    expect(run.errors).toEqual([
      expect.objectContaining({ externalId: broken.externalId, outcome: 'failed', reason: 'invalid email: "not-an-email"' }),
    ]);
    const after = new Map((await users('Planhat lifecycle')).map((u) => [u.externalId, u]));
    expect(after.get(gone.externalId).status).toBe('deactivated');
    expect(after.get(disabled.externalId).status).toBe('deactivated');
    // Still at the vendor, only unreadable this time: not treated as gone.
    expect(after.get(broken.externalId).status).toBe('active');
    const newEvents = (await events('saasUser.deactivated')).slice(deactivatedBefore);
    expect(newEvents.map((e) => e.saas_user_id).sort()).toEqual([gone.id, disabled.id].sort());
  });

  it('fails the run with the vendor\'s reason, and no secret, when the credential is refused', async () => {
    const wrongToken = 'wrong-token-0123456789abcdef';
    const credential = await t.api('POST', '/api/credentials', {
      name: 'planhat wrong token',
      presetId: 'planhat',
      baseUrl: planhat.url,
      fields: { token: wrongToken },
    });
    const res = await t.api('POST', '/api/integrations', {
      name: 'refused',
      presetId: 'planhat',
      credentialId: credential.body.id,
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    const run = await runLoad(t, res.body.id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/401|auth|credential|token/i);
    expect(JSON.stringify(run)).not.toContain(wrongToken);
    expect(run.created).toBe(0);
  });

  it('matches by the sync key of highest priority first', async () => {
    const id = await newIntegration('priority');
    await runLoad(t, id);
    const before = await users('Planhat priority');
    const [a, b] = before.filter((u) => u.email);
    // Row a now holds b's email: b's record matches row a by email (priority 1) and row b by
    // vendor id (priority 2); a's record matches nothing by email and falls back to its vendor id.
    const db = t.app.get((await import('typeorm')).DataSource);
    await db.query(`UPDATE saas_user SET email = $2 WHERE id = $1`, [a.id, b.email]);
    await t.api('PATCH', `/api/integrations/${id}`, { syncKeys: [{ field: 'email', priority: 1 }, { field: 'externalId', priority: 2 }] });
    const run = await runLoad(t, id);
    expect(run).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    // The record made invalid by an earlier test is failed, not skipped.
    expect(run.errors.filter((e: any) => e.outcome === 'skipped')).toEqual([
      expect.objectContaining({ externalId: b.externalId, outcome: 'skipped', reason: `email matches the SaaS user of vendor id ${a.externalId}, not ${b.externalId}: a load never changes a user's vendor id` }),
    ]);
    const after = new Map((await users('Planhat priority')).map((u) => [u.id, u]));
    expect(after.size).toBe(before.length);
    expect(after.get(a.id)).toMatchObject({ externalId: a.externalId, email: a.email });
    expect(after.get(b.id)).toMatchObject({ externalId: b.externalId, email: b.email });
  });
});

describe('integration settings', () => {
  it('stays Draft with reasons until mandatory settings are set, then launches a daily schedule', async () => {
    const res = await t.api('POST', '/api/integrations', { name: 'draft one', presetId: 'planhat' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('draft');
    expect(res.body.schedule).toEqual({ kind: 'interval', every: '1d', timezone: 'UTC' });
    expect(res.body.readiness.ready).toBe(false);
    expect(res.body.readiness.missing.join(' ')).toMatch(/credentialId.*syncKeys/);

    const refused = await t.api('POST', `/api/integrations/${res.body.id}/launch`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('UNPROCESSABLE');
    expect(refused.body.details.missing.length).toBeGreaterThan(0);

    await t.api('PATCH', `/api/integrations/${res.body.id}`, { credentialId, syncKeys: [{ field: 'externalId', priority: 1 }] });
    const launched = await t.api('POST', `/api/integrations/${res.body.id}/launch`);
    expect(launched.status, launched.text).toBe(200);
    expect(launched.body.status).toBe('active');
    const { TEMPORAL_CLIENT } = await import('../src/temporal/temporal.constants');
    const schedule = await t.app.get(TEMPORAL_CLIENT).schedule.getHandle(userLoadContract.ids.schedule(res.body.id)).describe();
    expect(schedule.spec.intervals?.[0]?.every).toBe(86_400_000);
    expect(schedule.state.paused).toBe(false);
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: userLoadContract.name,
      workflowId: userLoadContract.ids.scheduledWorkflow(res.body.id),
      args: [{ integrationId: res.body.id, trigger: 'schedule' }],
    });
    await t.api('DELETE', `/api/integrations/${res.body.id}`);
  });

  it('refuses to delete a credential an integration uses', async () => {
    const res = await t.api('DELETE', `/api/credentials/${credentialId}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
    expect((await t.api('GET', `/api/credentials/${credentialId}`)).status).toBe(200);
  });

  it('rejects malformed bodies with the zod issues', async () => {
    const res = await t.api('POST', '/api/integrations', { name: '', presetId: 'planhat', preference: 'sometimes', schedule: { kind: 'cron', cron: 'nope' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = res.body.details.issues.map((i: any) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'preference', 'schedule.cron']));
  });

  it('audits every write of an integration, and no write that was refused', async () => {
    const id = await newIntegration('audited');
    const other = await newIntegration('audited too');
    expect((await t.api('PATCH', `/api/integrations/${other}`, { name: 'audited' })).status).toBe(409);
    expect((await t.api('PATCH', `/api/integrations/${id}`, { personRole: 'member' })).status).toBe(200);
    expect((await t.api('POST', `/api/integrations/${id}/launch`)).status).toBe(200);
    expect((await t.api('POST', `/api/integrations/${id}/pause`)).status).toBe(200);
    expect((await t.api('DELETE', `/api/integrations/${id}`)).status).toBe(204);
    expect((await auditRows(id)).map((a) => a.action)).toEqual([
      'integration.created',
      'integration.updated',
      'integration.launched',
      'integration.paused',
      'integration.deleted',
    ]);
    expect((await auditRows(other)).map((a) => a.action)).toEqual(['integration.created']);
    await t.api('DELETE', `/api/integrations/${other}`);
  });

  it('refuses an unknown preset and a credential of another preset', async () => {
    expect((await t.api('POST', '/api/integrations', { name: 'x', presetId: 'nope' })).status).toBe(400);
    const litmosCredential = await t.api('POST', '/api/credentials', { name: 'litmos x', presetId: 'litmos', fields: { apiKey: 'k'.repeat(20), source: 'rolecall' } });
    const res = await t.api('POST', '/api/integrations', { name: 'y', presetId: 'planhat', credentialId: litmosCredential.body.id });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('litmos');
  });
});

describe('manual inventory changes', () => {
  it('deactivating a SaaS user or offboarding a person by hand emits the load events', async () => {
    const [user] = (await users('Planhat create-update')).filter((u) => u.status === 'active');
    const before = (await events('saasUser.deactivated')).length;
    const patched = await t.api('PATCH', `/api/saas-users/${user.id}`, { status: 'deactivated' });
    expect(patched.status).toBe(200);
    expect(patched.body.status).toBe('deactivated');
    const after = await events('saasUser.deactivated');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ saas_user_id: user.id, source: { kind: 'manual', actor: { kind: 'token', name: TEST_ACTOR_NAME } } });

    const people = (await t.api('GET', `/api/people?q=${encodeURIComponent(user.email)}`)).body;
    expect(people.total).toBe(1);
    const person = people.items[0];
    expect(person.saasUserCount).toBeGreaterThanOrEqual(1);
    const off = await t.api('PATCH', `/api/people/${person.id}`, { status: 'offboarded' });
    expect(off.body).toMatchObject({ status: 'offboarded', offboardedAt: expect.any(String) });
    expect((await events('person.offboarded')).map((e) => e.person_id)).toContain(person.id);
  });

  it('audits each change by hand, and writes nothing when nothing changes', async () => {
    const [user] = (await users('Planhat create-update')).filter((u) => u.status === 'active');
    expect((await t.api('PATCH', `/api/saas-users/${user.id}`, { status: 'deactivated' })).status).toBe(200);
    expect((await t.api('PATCH', `/api/saas-users/${user.id}`, { status: 'deactivated' })).status).toBe(200);
    expect((await t.api('PATCH', `/api/saas-users/${user.id}`, { status: 'active' })).status).toBe(200);
    expect(await auditRows(user.id)).toEqual([
      { actor: TEST_ACTOR_NAME, action: 'saas_user.deactivated', details: { appId: user.appId, from: 'active', to: 'deactivated' } },
      { actor: TEST_ACTOR_NAME, action: 'saas_user.reactivated', details: { appId: user.appId, from: 'deactivated', to: 'active' } },
    ]);

    const person = (await t.api('GET', `/api/people?q=${encodeURIComponent(user.email)}`)).body.items[0];
    await t.api('PATCH', `/api/people/${person.id}`, { status: 'offboarded' });
    await t.api('PATCH', `/api/people/${person.id}`, { status: 'active' });
    expect((await auditRows(person.id)).slice(-2)).toEqual([
      { actor: TEST_ACTOR_NAME, action: 'person.offboarded', details: { from: 'active', to: 'offboarded' } },
      { actor: TEST_ACTOR_NAME, action: 'person.restored', details: { from: 'offboarded', to: 'active' } },
    ]);
  });

  it('filters SaaS users and exports them as CSV', async () => {
    const all = await users('Planhat create-update');
    const someone = all[3];
    const found = (await t.api('GET', `/api/saas-users?q=${encodeURIComponent(someone.email.slice(0, 8))}`)).body;
    expect(found.items.map((u: any) => u.id)).toContain(someone.id);
    const inactive = (await t.api('GET', `/api/saas-users?status=deactivated`)).body;
    // `every` holds for an empty list: the filter must have found someone first.
    expect(inactive.items.length).toBeGreaterThan(0);
    expect(inactive.items.every((u: any) => u.status === 'deactivated')).toBe(true);

    const app = ((await t.api('GET', '/api/saas-apps')).body as any[]).find((a) => a.name === 'Planhat create-update');
    const csv = await t.api('GET', `/api/saas-users.csv?app=${app.id}`);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('appName,externalId,username,email,firstName,lastName,role,status,deactivatedAt,lastLoginAt,vendorCreatedAt,syncedAt,firstSeenAt,lastSeenAt,custom');
    expect(lines).toHaveLength(41);
    expect(csv.text).toContain(someone.externalId);
  });
});
