import {
  simulatorClient,
  startLeverSimulator,
  startLitmosSimulator,
  startPlanhatSimulator,
  type SimulatorHandle,
} from '@rolecall/presets/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorPool } from './support/load-fixtures';
import { runLoad, startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
const sims = simulatorPool();

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await sims.closeAll();
  await t?.close();
});

async function credentialFor(presetId: string, s: SimulatorHandle): Promise<string> {
  const res = await t.api('POST', '/api/credentials', {
    name: `${presetId} ${s.port}`,
    presetId,
    baseUrl: s.url,
    fields: s.credentials,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function integration(body: Record<string, unknown>): Promise<any> {
  const res = await t.api('POST', '/api/integrations', body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function inventoryOf(appName: string): Promise<any[]> {
  const apps = (await t.api('GET', '/api/saas-apps')).body as { id: string; name: string }[];
  const app = apps.find((a) => a.name === appName);
  if (!app) return [];
  const users: any[] = [];
  for (let page = 1; ; page++) {
    const { body } = await t.api('GET', `/api/saas-users?app=${app.id}&page=${page}&pageSize=500`);
    users.push(...body.items);
    if (users.length >= body.total) return users;
  }
}

/** Every vendor user, through the preset client (the oracle for what a load must store). */
async function vendorUsers(presetId: string, s: SimulatorHandle): Promise<Record<string, unknown>[]> {
  const client = simulatorClient(presetId, s);
  const all: Record<string, unknown>[] = [];
  for await (const page of client.listUsers()) all.push(...page.users);
  return all;
}

describe('user loads configured only through the REST API', () => {
  it('maps vendor fields to custom fields created inline and gives created People the role', async () => {
    const litmos = await sims.start(startLitmosSimulator({ users: 120, rateLimit: false, seed: 3 }));
    const created = await integration({
      name: 'Litmos custom fields',
      presetId: 'litmos',
      credentialId: await credentialFor('litmos', litmos),
      appName: 'Litmos (custom)',
      customFields: [{ key: 'timeZone', label: 'Time zone' }, { key: 'companyName', label: 'Company' }],
      mappings: { 'custom.timeZone': { from: ['TimeZone'] }, 'custom.companyName': { from: ['CompanyName'] } },
      personRole: 'Learner',
      syncKeys: [{ field: 'externalId', priority: 1 }],
      schedule: { kind: 'cron', cron: '30 2 * * 1-5', timezone: 'Europe/Berlin' },
    });
    expect(created.readiness.ready).toBe(true);
    const run = await runLoad(t, created.id);
    expect(run).toMatchObject({ status: 'completed', created: 120 });
    const vendor = new Map((await vendorUsers('litmos', litmos)).map((u) => [u.Id, u]));
    const stored = await inventoryOf('Litmos (custom)');
    expect(stored).toHaveLength(120);
    for (const row of stored) {
      const source = vendor.get(row.externalId)!;
      expect(row.custom).toEqual({ timeZone: source.TimeZone ?? null, companyName: source.CompanyName ?? null });
    }
    expect(new Set(stored.map((r) => r.custom.timeZone)).size).toBeGreaterThan(1);
    const person = (await t.api('GET', `/api/people?q=${encodeURIComponent(stored[0].email)}`)).body.items[0];
    expect(person).toMatchObject({ email: stored[0].email, role: 'Learner', saasUserCount: 1 });
  });

  it('refuses a mapping to a custom field that was not declared', async () => {
    const res = await t.api('POST', '/api/integrations', {
      name: 'undeclared custom',
      presetId: 'litmos',
      mappings: { 'custom.nope': { from: ['JobTitle'] } },
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.readiness.missing).toContain('mappings.custom.nope: declare the custom field in customFields');
  });

  it('fills the inventory from Litmos with mapped fields across several pages', async () => {
    const litmos = await sims.start(startLitmosSimulator({ users: 2_345, rateLimit: false }));
    const credentialId = await credentialFor('litmos', litmos);
    const created = await integration({
      name: 'Litmos load',
      presetId: 'litmos',
      credentialId,
      appName: 'Litmos',
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    expect(created.status).toBe('draft');
    expect(created.readiness).toEqual({ ready: true, missing: [] });

    const run = await runLoad(t, created.id);
    expect(run.status).toBe('completed');
    expect(run).toMatchObject({ fetched: 2_345, created: 2_345, updated: 0, skipped: 0, failed: 0 });
    expect(run.pagesDone).toBe(4); // pages start at 0, 990, 1980 (overlapping by 10); 2335 brings no new user
    // Full objects come in bulk from /users/details: one request per page, no per-user GETs.
    expect(litmos.counters.snapshot().total).toBe(4);

    const stored = await inventoryOf('Litmos');
    expect(stored).toHaveLength(2_345);
    const byId = new Map(stored.map((u) => [u.externalId, u]));
    for (const vendor of (await vendorUsers('litmos', litmos)).slice(0, 200)) {
      const row = byId.get(vendor.Id as string);
      expect(row, `Litmos user ${vendor.Id}`).toBeDefined();
      expect(row.email).toBe(String(vendor.Email).toLowerCase());
      expect(row.username).toBe(vendor.UserName);
      expect(row.firstName).toBe(vendor.FirstName);
      expect(row.lastName).toBe(vendor.LastName);
      expect(row.role).toBe(vendor.AccessLevel);
      expect(row.status).toBe(vendor.Active ? 'active' : 'deactivated');
      expect(row.lastLoginAt).toBe(vendor.LastLogin ? new Date(vendor.LastLogin as string).toISOString() : null);
    }
  });

  it('fills the inventory from Lever, splitting names and reading deactivation', async () => {
    const lever = await sims.start(startLeverSimulator({ users: 320, rateLimit: false }));
    const created = await integration({
      name: 'Lever load',
      presetId: 'lever',
      credentialId: await credentialFor('lever', lever),
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    const run = await runLoad(t, created.id);
    expect(run).toMatchObject({ status: 'completed', fetched: 320, created: 320, failed: 0 });
    const stored = new Map((await inventoryOf('Lever')).map((u) => [u.externalId, u]));
    const vendor = await vendorUsers('lever', lever);
    expect(vendor.some((u) => u.deactivatedAt !== null)).toBe(true);
    for (const u of vendor) {
      const row = stored.get(u.id as string);
      const [first, ...rest] = String(u.name).split(' ');
      expect(row).toMatchObject({
        email: String(u.email).toLowerCase(),
        firstName: first,
        lastName: rest.join(' ') || null,
        role: u.accessRole,
        status: u.deactivatedAt === null ? 'active' : 'deactivated',
      });
    }
  });

  it("keeps Lever's own deactivatedAt instead of the load time, on first load and on update", async () => {
    const lever = await sims.start(startLeverSimulator({ users: 120, rateLimit: false, seed: 8 }));
    const created = await integration({
      name: 'Lever deactivation times',
      presetId: 'lever',
      credentialId: await credentialFor('lever', lever),
      appName: 'Lever (deactivation times)',
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    expect(created.mappings.deactivatedAt).toEqual({ from: ['deactivatedAt'], transform: 'isoDate' });
    const expectVendorTimes = async () => {
      const stored = new Map((await inventoryOf('Lever (deactivation times)')).map((u) => [u.externalId, u]));
      const deactivated = (await vendorUsers('lever', lever)).filter((u) => u.deactivatedAt !== null);
      expect(deactivated.length).toBeGreaterThan(0);
      for (const u of deactivated) {
        expect(stored.get(u.id as string), String(u.id)).toMatchObject({
          status: 'deactivated',
          deactivatedAt: new Date(u.deactivatedAt as number).toISOString(),
        });
      }
      return stored;
    };
    expect(await runLoad(t, created.id)).toMatchObject({ status: 'completed', fetched: 120, failed: 0 });
    const first = await expectVendorTimes();
    // Deactivated at the vendor after the first load: the update takes the vendor's time too.
    const active = [...first.values()].find((u) => u.status === 'active');
    await simulatorClient('lever', lever).deactivateUser?.(active.externalId);
    expect(lever.state.get(active.externalId)?.deactivatedAt).toEqual(expect.any(Number));
    expect(await runLoad(t, created.id)).toMatchObject({ status: 'completed', failed: 0 });
    const second = await expectVendorTimes();
    expect(second.get(active.externalId)?.status).toBe('deactivated');
  });

  it('fills the inventory from Planhat, coping with absent legacy fields', async () => {
    const planhat = await sims.start(startPlanhatSimulator({ users: 150, rateLimit: false }));
    const created = await integration({
      name: 'Planhat load',
      presetId: 'planhat',
      credentialId: await credentialFor('planhat', planhat),
      smartMapping: true,
      syncKeys: [{ field: 'email', priority: 1 }, { field: 'externalId', priority: 2 }],
    });
    expect(created.mappings.externalId.from).toEqual(['_id']);
    expect(created.mappings.active).toMatchObject({ from: ['inactive'], transform: 'not' });
    const run = await runLoad(t, created.id);
    expect(run).toMatchObject({ status: 'completed', fetched: 150, created: 150, failed: 0 });
    const stored = new Map((await inventoryOf('Planhat')).map((u) => [u.externalId, u]));
    for (const u of await vendorUsers('planhat', planhat)) {
      expect(stored.get(u._id as string)).toMatchObject({
        email: String(u.email).toLowerCase(),
        firstName: u.firstName,
        lastName: u.lastName,
        status: u.inactive ? 'deactivated' : 'active',
      });
    }
  });
});
