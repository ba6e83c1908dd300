import { describe, expect, it } from 'vitest';
import { describeClause, describeRule } from './describe-rule';
import { BUILT_IN_FIELDS } from './rule-fields';

describe('describeRule', () => {
  it('reads day operators and labels as an admin would say them', () => {
    expect(describeClause({ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 365 }, BUILT_IN_FIELDS)).toBe('SaaS user last login older than 365 days');
    expect(describeClause({ field: 'saasUser.role', op: 'in', value: ['Admin', 'Owner'] }, BUILT_IN_FIELDS)).toBe('SaaS user role is one of Admin, Owner');
    expect(describeClause({ field: 'person.email', op: 'empty' }, BUILT_IN_FIELDS)).toBe('Person email is empty');
  });

  it('joins clauses by the match mode, keeps unknown fields by path and calls an empty rule everyone', () => {
    const rule = { match: 'any' as const, clauses: [{ field: 'saasUser.status', op: 'eq' as const, value: 'active' }, { field: 'x.y', op: 'neq' as const, value: 1 }] };
    expect(describeRule(rule, BUILT_IN_FIELDS)).toBe('SaaS user status is active or x.y is not 1');
    expect(describeRule({ match: 'all', clauses: [] }, BUILT_IN_FIELDS)).toBe('Every user');
  });
});
