import { describe, expect, it } from 'vitest';
import { planPage, type ExistingIndex } from './page-plan';
import type { MappedRecord } from '@rolecall/presets';

const record = (externalId: string | null, email: string | null, username: string | null = null): MappedRecord => ({
  externalId, email, username, firstName: null, lastName: null, role: null, active: true, lastLoginAt: null, createdAt: null, deactivatedAt: null, custom: {},
});

function index(rows: { id: string; externalId?: string; email?: string; username?: string }[]): ExistingIndex {
  const idx: ExistingIndex = { externalId: new Map(), email: new Map(), username: new Map() };
  for (const r of rows) {
    const row = { id: r.id, status: 'active' };
    if (r.externalId) idx.externalId.set(r.externalId, row);
    if (r.email) idx.email.set(r.email, row);
    if (r.username) idx.username.set(r.username, row);
  }
  return idx;
}

describe('planPage', () => {
  const existing = index([{ id: 'row-a', externalId: 'A', email: 'a@x.io' }, { id: 'row-b', externalId: 'B', email: 'b@x.io' }]);

  it('create & update: updates matches and creates the rest', () => {
    const plan = planPage([record('A', 'a@x.io'), record('C', 'c@x.io')], [{ field: 'externalId', priority: 1 }], 'create_update', existing);
    expect(plan.updates.map((u) => u.rowId)).toEqual(['row-a']);
    expect(plan.creates.map((r) => r.externalId)).toEqual(['C']);
    expect(plan.skips).toEqual([]);
  });

  it('create only skips matches; update only skips the unmatched', () => {
    const records = [record('A', 'a@x.io'), record('C', 'c@x.io')];
    const keys = [{ field: 'externalId' as const, priority: 1 }];
    const createOnly = planPage(records, keys, 'create_only', existing);
    expect(createOnly.creates.map((r) => r.externalId)).toEqual(['C']);
    expect(createOnly.skips.map((s) => s.reason)).toEqual(['create only: a matching record already exists']);
    const updateOnly = planPage(records, keys, 'update_only', existing);
    expect(updateOnly.updates.map((u) => u.rowId)).toEqual(['row-a']);
    expect(updateOnly.skips.map((s) => s.reason)).toEqual(['update only: no matching record']);
  });

  it('tries sync keys in priority order, whatever order they are listed in', () => {
    // Email says row-b, the id says row-a: the key with priority 1 decides.
    const conflicting = [record('A', 'b@x.io')];
    const emailFirst = planPage(conflicting, [{ field: 'externalId', priority: 2 }, { field: 'email', priority: 1 }], 'create_update', existing);
    expect(emailFirst.updates[0]?.rowId).toBe('row-b');
    const idFirst = planPage(conflicting, [{ field: 'email', priority: 2 }, { field: 'externalId', priority: 1 }], 'create_update', existing);
    expect(idFirst.updates[0]?.rowId).toBe('row-a');
  });

  it('falls back to the next key when the first has no value, and compares emails without case', () => {
    const plan = planPage([record(null, 'A@X.IO')], [{ field: 'externalId', priority: 1 }, { field: 'email', priority: 2 }], 'create_update', existing);
    expect(plan.updates[0]?.rowId).toBe('row-a');
  });

  it('skips records without any sync key value and duplicates within the source', () => {
    const plan = planPage([record(null, null), record('C', null), record('C', null)], [{ field: 'externalId', priority: 1 }], 'create_update', existing);
    expect(plan.creates).toHaveLength(1);
    expect(plan.skips.map((s) => s.reason)).toEqual([
      'missing sync key value (externalId)',
      'duplicate in source: another record has the same externalId',
    ]);
  });

  it('skips a match whose vendor id differs from the record: a load never changes a user\'s vendor id', () => {
    const saasUsers: ExistingIndex = { externalId: new Map(), email: new Map([['a@x.io', { id: 'row-a', status: 'active', externalId: 'A' }]]), username: new Map() };
    const plan = planPage([record('B', 'a@x.io')], [{ field: 'email', priority: 1 }], 'create_update', saasUsers);
    expect(plan.skips.map((s) => s.reason)).toEqual(['email matches the SaaS user of vendor id A, not B: a load never changes a user\'s vendor id']);
    expect(plan.updates).toEqual([]);
    const same = planPage([record('A', 'a@x.io')], [{ field: 'email', priority: 1 }], 'create_update', saasUsers);
    expect(same.updates.map((u) => u.rowId)).toEqual(['row-a']);
  });
});
