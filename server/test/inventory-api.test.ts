import { startLitmosSimulator } from '@rolecall/presets/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationFor, simulatorPool } from './support/load-fixtures';
import { runLoad, startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
const sims = simulatorPool();
let appId: string;

beforeAll(async () => {
  t = await startTestApp();
  const sim = await sims.start(startLitmosSimulator({ users: 30, rateLimit: false }));
  const id = await integrationFor(t, 'litmos', sim, 'Sorted Litmos', {
    customFields: [{ key: 'title', label: 'Job title', type: 'string' }],
    mappings: { 'custom.title': { from: ['JobTitle'] } },
  });
  expect((await runLoad(t, id)).status).toBe('completed');
  appId = ((await t.api('GET', '/api/saas-apps')).body as { id: string }[])[0]!.id;
});

afterAll(async () => {
  await sims.closeAll();
  await t?.close();
});

type User = { id: string; email: string | null; role: string | null; lastLoginAt: string | null };
const list = async (query: string): Promise<User[]> => (await t.api('GET', `/api/saas-users?app=${appId}&${query}`)).body.items;

describe('GET /api/saas-users sort and dir', () => {
  it('sorts by email either way, case-insensitively, and pages through that order', async () => {
    const all = await list('sort=email&dir=asc&pageSize=100');
    const emails = all.map((u) => u.email!.toLowerCase());
    expect(emails).toEqual([...emails].sort());
    expect((await list('sort=email&dir=desc&pageSize=100')).map((u) => u.id)).toEqual(all.map((u) => u.id).reverse());
    const page2 = await list('sort=email&dir=asc&pageSize=10&page=2');
    expect(page2.map((u) => u.id)).toEqual(all.slice(10, 20).map((u) => u.id));
  });

  it('sorts by last login, newest first, never-logged-in users last', async () => {
    const users = await list('sort=lastLoginAt&dir=desc&pageSize=100');
    const seen = users.map((u) => u.lastLoginAt);
    const dated = seen.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(seen.slice(dated.length).every((d) => d === null)).toBe(true);
  });

  it('refuses an unknown sort column with the allowed ones named', async () => {
    const res = await t.api('GET', `/api/saas-users?sort=password`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('lastLoginAt');
  });
});

describe('GET /api/saas-users customFieldLabels', () => {
  it('labels each custom field of the app as its integration does', async () => {
    const page = await t.api('GET', `/api/saas-users?app=${appId}&pageSize=1`);
    expect(page.body.customFieldLabels).toEqual({ title: 'Job title' });
  });
});

describe('GET /api/saas-users customField and customValue', () => {
  it('finds exactly the users whose custom field has that value', async () => {
    const all = (await t.api('GET', `/api/saas-users?app=${appId}&pageSize=100`)).body.items as { id: string; custom: { title?: string | null } }[];
    const title = all.find((u) => u.custom.title)?.custom.title;
    expect(title).toEqual(expect.any(String));
    const found = await list(`customField=title&customValue=${encodeURIComponent(title!)}&pageSize=100`);
    expect(found.map((u) => u.id).sort()).toEqual(all.filter((u) => u.custom.title === title).map((u) => u.id).sort());
    expect(await list('customField=title&customValue=no-such-title')).toEqual([]);
  });
});

describe('a SaaS user’s and a person’s page', () => {
  it('shows the account and its history: created by the load, then deactivated by an admin, newest first', async () => {
    const [user] = (await list('sort=email&pageSize=1')) as (User & { personId: string | null })[];
    const one = await t.api('GET', `/api/saas-users/${user!.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: user!.id, appName: 'Sorted Litmos' });
    expect((await t.api('PATCH', `/api/saas-users/${user!.id}`, { status: 'deactivated' })).status).toBe(200);

    const history = (await t.api('GET', `/api/saas-users/${user!.id}/events`)).body as { type: string; source: { kind: string } }[];
    expect(history.map((e) => [e.type, e.source.kind])).toEqual([
      ['saasUser.deactivated', 'manual'],
      ['saasUser.created', 'load'],
    ]);

    const person = await t.api('GET', `/api/people/${one.body.personId}`);
    expect(person.status).toBe(200);
    expect(person.body.saasUserCount).toBeGreaterThanOrEqual(1);
    const personHistory = (await t.api('GET', `/api/people/${one.body.personId}/events`)).body as { saasUserId: string | null }[];
    expect(personHistory.filter((e) => e.saasUserId === user!.id)).toHaveLength(2);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.api('GET', `/api/saas-users/${missing}`)).status).toBe(404);
    expect((await t.api('GET', `/api/people/${missing}/events`)).status).toBe(404);
  });
});

describe('GET /api/saas-users.csv custom fields', () => {
  it('adds one column per custom field after the fixed ones, headed by the label the integration gave it', async () => {
    const csv = await t.api('GET', `/api/saas-users.csv?app=${appId}&sort=email`);
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    expect(header!.endsWith(',custom,Job title')).toBe(true);
    const users = (await t.api('GET', `/api/saas-users?app=${appId}&pageSize=100`)).body.items as { externalId: string; custom: { title?: string | null } }[];
    const titled = users.find((u) => u.custom.title)!;
    expect(rows.find((r) => r.includes(titled.externalId))!.endsWith(`,${titled.custom.title}`)).toBe(true);
  });
});
