import { describe, expect, it } from 'vitest';
import { evaluateRule } from './evaluate-rule';
import type { Clause } from './rule.schema';
import type { RuleRecord } from './rule-record.schema';

const now = new Date('2026-06-01T12:00:00Z');

const record: RuleRecord = {
  saasUser: {
    externalId: '1001',
    email: 'Ada.Lovelace@Example.com',
    username: 'ada',
    firstName: 'Ada',
    lastName: null,
    role: 'Administrator',
    status: 'active',
    lastLoginAt: '2025-05-01T00:00:00Z',
    vendorCreatedAt: '2026-05-20T00:00:00Z',
    deactivatedAt: null,
    custom: { seats: 3, costCenter: 'EU-7', contractor: true, badDate: 'soon' },
  },
  person: { email: 'ada@example.com', status: 'offboarded', role: 'Engineer', offboardedAt: '2026-05-31T00:00:00Z' },
  retrieval: { found: true, role: 'Team Leader' },
};

const one = (clause: Clause, r: RuleRecord = record) => evaluateRule({ match: 'all', clauses: [clause] }, r, { now }).clauses[0];
const holds = (field: string, op: Clause['op'], value?: Clause['value']) => one({ field, op, value })?.matched;

describe('evaluateRule', () => {
  it('compares strings case-insensitively for eq, neq, in, notIn, contains and startsWith', () => {
    expect(holds('saasUser.email', 'eq', 'ada.lovelace@example.COM')).toBe(true);
    expect(holds('saasUser.email', 'neq', 'ADA.LOVELACE@example.com')).toBe(false);
    expect(holds('saasUser.role', 'in', ['team leader', 'administrator'])).toBe(true);
    expect(holds('saasUser.role', 'notIn', ['learner'])).toBe(true);
    expect(holds('saasUser.email', 'contains', 'LOVELACE')).toBe(true);
    expect(holds('saasUser.email', 'startsWith', 'ada.')).toBe(true);
    expect(holds('saasUser.email', 'startsWith', 'lovelace')).toBe(false);
  });

  it('tests enums, numbers and booleans', () => {
    expect(holds('saasUser.status', 'eq', 'ACTIVE')).toBe(true);
    expect(holds('person.status', 'in', ['offboarded'])).toBe(true);
    expect(holds('saasUser.custom.seats', 'gt', 2)).toBe(true);
    expect(holds('saasUser.custom.seats', 'lt', 3)).toBe(false);
    expect(holds('saasUser.custom.seats', 'eq', 3)).toBe(true);
    expect(holds('saasUser.custom.seats', 'notIn', [1, 2])).toBe(true);
    expect(holds('retrieval.found', 'eq', true)).toBe(true);
    expect(holds('saasUser.custom.contractor', 'neq', true)).toBe(false);
  });

  it('tests dates against a fixed now: olderThanDays, withinDays, before and after', () => {
    expect(holds('saasUser.lastLoginAt', 'olderThanDays', 365)).toBe(true);
    expect(holds('saasUser.lastLoginAt', 'withinDays', 365)).toBe(false);
    expect(holds('saasUser.vendorCreatedAt', 'withinDays', 30)).toBe(true);
    expect(holds('person.offboardedAt', 'olderThanDays', 1)).toBe(true);
    expect(holds('person.offboardedAt', 'olderThanDays', 2)).toBe(false);
    expect(holds('saasUser.lastLoginAt', 'lt', '2025-06-01')).toBe(true);
    expect(holds('saasUser.lastLoginAt', 'gt', '2025-06-01')).toBe(false);
    const later = evaluateRule({ match: 'all', clauses: [{ field: 'saasUser.lastLoginAt', op: 'withinDays', value: 365 }] }, record, {
      now: new Date('2026-04-01T00:00:00Z'),
    });
    expect(later.matched).toBe(true);
  });

  it('treats a never-set date as neither older than nor within N days, and says so', () => {
    const older = one({ field: 'saasUser.deactivatedAt', op: 'olderThanDays', value: 30 });
    const within = one({ field: 'saasUser.deactivatedAt', op: 'withinDays', value: 30 });
    expect([older?.matched, older?.reason, older?.actual]).toEqual([false, 'notSet', null]);
    expect([within?.matched, within?.reason]).toEqual([false, 'notSet']);
    expect(one({ field: 'saasUser.deactivatedAt', op: 'empty' })).toMatchObject({ matched: true, reason: 'notSet' });
    expect(one({ field: 'saasUser.deactivatedAt', op: 'notEmpty' })?.matched).toBe(false);
    expect(one({ field: 'saasUser.deactivatedAt', op: 'gt', value: '2020-01-01' })?.matched).toBe(false);
  });

  it('treats missing values (null, absent, empty text, no person) as not set: empty, neq and notIn hold', () => {
    const lonely: RuleRecord = { saasUser: { ...record.saasUser, username: '' } };
    expect(one({ field: 'saasUser.lastName', op: 'empty' })?.matched).toBe(true);
    expect(one({ field: 'saasUser.username', op: 'empty' }, lonely)?.matched).toBe(true);
    expect(one({ field: 'person.email', op: 'eq', value: 'ada@example.com' }, lonely)).toMatchObject({ matched: false, reason: 'notSet' });
    expect(one({ field: 'person.email', op: 'neq', value: 'ada@example.com' }, lonely)?.matched).toBe(true);
    expect(one({ field: 'retrieval.role', op: 'notIn', value: ['Administrator'] }, lonely)?.matched).toBe(true);
    expect(one({ field: 'saasUser.email', op: 'notEmpty' })?.matched).toBe(true);
  });

  it('marks values of another type as not comparable and never matches them', () => {
    expect(one({ field: 'saasUser.custom.costCenter', op: 'gt', value: 5 })).toMatchObject({ matched: false, reason: 'notComparable' });
    expect(one({ field: 'saasUser.custom.badDate', op: 'olderThanDays', value: 5 })).toMatchObject({ matched: false, reason: 'notComparable' });
    expect(one({ field: 'saasUser.custom.seats', op: 'neq', value: '3' })).toMatchObject({ matched: false, reason: 'notComparable' });
  });

  it('combines clauses with all / any and explains each one', () => {
    const clauses: Clause[] = [
      { field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 365 },
      { field: 'saasUser.role', op: 'eq', value: 'learner' },
    ];
    const all = evaluateRule({ match: 'all', clauses }, record, { now });
    const any = evaluateRule({ match: 'any', clauses }, record, { now });
    expect([all.matched, any.matched]).toEqual([false, true]);
    expect(all.clauses.map((c) => [c.index, c.field, c.matched, c.actual])).toEqual([
      [0, 'saasUser.lastLoginAt', true, '2025-05-01T00:00:00Z'],
      [1, 'saasUser.role', false, 'Administrator'],
    ]);
  });

  it('matches every record when a rule has no clauses, whatever match says', () => {
    expect(evaluateRule({ match: 'any', clauses: [] }, record, { now }).matched).toBe(true);
    expect(evaluateRule({ match: 'all', clauses: [] }, record, { now }).matched).toBe(true);
  });
});
