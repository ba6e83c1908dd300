import 'reflect-metadata';
import { evaluateRule, type Clause, type Rule } from '@rolecall/workflows/graph';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options';
import { PopulationRepository, type PopulationMember } from '../src/inventory/population.repository';
import { createTestDatabase, type TestDatabase } from './support/test-env';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

let db: TestDatabase;
let ds: DataSource;
let population: PopulationRepository;
let appId: string;

/** SaaS users covering set / unset / empty / wrong-typed values of every field kind. */
const USERS = [
  { email: 'Ann@Example.com', role: 'Admin', status: 'active', last: ago(400), custom: { cost: 'EU-12', score: 7, vip: true, since: '2024-01-05T00:00:00Z' }, person: { status: 'active', custom: { dept: 'Sales' } } },
  { email: 'bob@example.com', role: 'learner', status: 'deactivated', last: ago(10), custom: { cost: 'US-1', score: '7', vip: false, since: 'not a date' }, person: { status: 'offboarded', custom: {} } },
  { email: '', role: null, status: 'active', last: null, custom: { cost: '', score: null }, person: null },
  { email: 'cy@example.org', role: 'Team Leader', status: 'active', last: ago(365.5), custom: { score: 12.5, since: '2026-05-30' }, person: { status: 'active', custom: { dept: 'sales' } } },
  { email: 'dee@example.com', role: 'Admin', status: 'active', last: ago(364), custom: { vip: 'true', cost: ['EU'] }, person: null },
];

const CLAUSES: Clause[] = [
  { field: 'saasUser.email', op: 'eq', value: 'ann@example.com' },
  { field: 'saasUser.email', op: 'neq', value: 'ann@example.com' },
  { field: 'saasUser.role', op: 'in', value: ['admin', 'team leader'] },
  { field: 'saasUser.role', op: 'notIn', value: ['admin'] },
  { field: 'saasUser.email', op: 'contains', value: 'EXAMPLE.COM' },
  { field: 'saasUser.email', op: 'startsWith', value: 'b' },
  { field: 'saasUser.email', op: 'empty' },
  { field: 'saasUser.role', op: 'notEmpty' },
  { field: 'saasUser.status', op: 'eq', value: 'active' },
  { field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 365 },
  { field: 'saasUser.lastLoginAt', op: 'withinDays', value: 365 },
  { field: 'saasUser.lastLoginAt', op: 'empty' },
  { field: 'saasUser.lastLoginAt', op: 'gt', value: '2026-01-01' },
  { field: 'saasUser.lastLoginAt', op: 'lt', value: '2026-01-01T00:00:00Z' },
  { field: 'saasUser.custom.cost', op: 'startsWith', value: 'eu-' },
  { field: 'saasUser.custom.cost', op: 'empty' },
  { field: 'saasUser.custom.cost', op: 'neq', value: 'US-1' },
  { field: 'saasUser.custom.score', op: 'gt', value: 7 },
  { field: 'saasUser.custom.score', op: 'eq', value: 7 },
  { field: 'saasUser.custom.score', op: 'in', value: [7, 12.5] },
  { field: 'saasUser.custom.score', op: 'notIn', value: [7] },
  { field: 'saasUser.custom.vip', op: 'eq', value: true },
  { field: 'saasUser.custom.vip', op: 'neq', value: true },
  { field: 'saasUser.custom.since', op: 'olderThanDays', value: 30 },
  { field: 'saasUser.custom.since', op: 'withinDays', value: 30 },
  { field: 'saasUser.custom.since', op: 'notEmpty' },
  { field: 'person.status', op: 'eq', value: 'offboarded' },
  { field: 'person.status', op: 'neq', value: 'offboarded' },
  { field: 'person.custom.dept', op: 'eq', value: 'SALES' },
  { field: 'person.custom.dept', op: 'empty' },
];

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  await ds.runMigrations({ transaction: 'each' });
  population = new PopulationRepository(ds);
  [{ id: appId }] = await ds.query(`INSERT INTO saas_app (name, preset_id) VALUES ('Rules', 'litmos') RETURNING id`);
  for (const [i, u] of USERS.entries()) {
    const personId = u.person
      ? (await ds.query(`INSERT INTO person (email, status, custom) VALUES ($1, $2, $3) RETURNING id`, [`p${i}@example.com`, u.person.status, u.person.custom]))[0].id
      : null;
    await ds.query(`INSERT INTO saas_user (app_id, external_id, email, role, status, last_login_at, custom, person_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      appId,
      `u${i}`,
      u.email,
      u.role,
      u.status,
      u.last,
      JSON.stringify(u.custom),
      personId,
    ]);
  }
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

async function members(rule: Rule): Promise<PopulationMember[]> {
  return population.page({ appId, rule, now: NOW }, null, 100);
}

describe('population rules in SQL', () => {
  it('select exactly the records evaluateRule matches, for every operator and field kind', async () => {
    const everyone = await members({ match: 'all', clauses: [] });
    expect(everyone).toHaveLength(USERS.length);
    for (const clause of CLAUSES) {
      const rule: Rule = { match: 'all', clauses: [clause] };
      const expected = everyone.filter((m) => evaluateRule(rule, m.facts, { now: NOW }).matched).map((m) => m.facts.saasUser.externalId);
      const actual = (await members(rule)).map((m) => m.facts.saasUser.externalId);
      expect(actual, JSON.stringify(clause)).toEqual(expected);
    }
  });

  it('combines clauses with all / any and pages by id', async () => {
    const everyone = await members({ match: 'all', clauses: [] });
    for (const match of ['all', 'any'] as const) {
      const rule: Rule = { match, clauses: [CLAUSES[9]!, CLAUSES[11]!, CLAUSES[2]!] };
      const expected = everyone.filter((m) => evaluateRule(rule, m.facts, { now: NOW }).matched).map((m) => m.saasUserId);
      expect((await members(rule)).map((m) => m.saasUserId)).toEqual(expected);
    }
    const first = await population.page({ appId, rule: { match: 'all', clauses: [] }, now: NOW }, null, 2);
    const rest = await population.page({ appId, rule: { match: 'all', clauses: [] }, now: NOW }, first.at(-1)!.saasUserId, 100);
    expect([...first, ...rest].map((m) => m.saasUserId)).toEqual(everyone.map((m) => m.saasUserId));
    expect(await population.count({ appId, rule: { match: 'all', clauses: [CLAUSES[8]!] }, now: NOW })).toBe(4);
  });
});
