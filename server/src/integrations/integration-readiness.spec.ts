import { describe, expect, it } from 'vitest';
import { missingSettings } from './integration-readiness';
import type { Integration } from './integration.entity';

const ready = (over: Partial<Integration>) =>
  missingSettings({
    presetId: 'litmos',
    credentialId: '00000000-0000-4000-8000-000000000001',
    mappings: { externalId: { from: ['Id'] }, username: { from: ['UserName'] }, email: { from: ['Email'] } },
    syncKeys: [{ field: 'externalId', priority: 1 }],
    userSelection: 'user_plus_saas_user',
    customFields: [],
    ...over,
  });

describe('integration readiness: sync keys', () => {
  it('is ready with sync keys the preset marks unique', () => {
    expect(ready({ syncKeys: [{ field: 'externalId', priority: 1 }, { field: 'username', priority: 2 }] })).toEqual([]);
  });

  it('refuses a sync key on a field the preset does not mark unique, in plain words', () => {
    const planhat = ready({
      presetId: 'planhat',
      mappings: { externalId: { from: ['_id'] }, username: { from: ['nickName'] } },
      syncKeys: [{ field: 'username', priority: 1 }],
    });
    expect(planhat).toEqual([
      'syncKeys: Planhat does not guarantee that username is unique, so it cannot be a sync key; use external id or email',
    ]);
    expect(ready({ syncKeys: [{ field: 'email', priority: 1 }] })).toEqual([
      'syncKeys: SAP Litmos does not guarantee that email is unique, so it cannot be a sync key; use external id or username',
    ]);
  });

  it('lets "User only" loads key People by email, which Rolecall keeps unique, whatever the vendor', () => {
    expect(ready({ userSelection: 'user', syncKeys: [{ field: 'email', priority: 1 }] })).toEqual([]);
  });

  it('refuses a sync key whose source field the listing does not return (GitHub email)', () => {
    const missing = ready({
      presetId: 'github',
      mappings: { externalId: { from: ['login'] }, username: { from: ['email'] } },
      syncKeys: [{ field: 'username', priority: 1 }],
    });
    expect(missing).toEqual([
      "syncKeys: GitHub organization's user list does not include email, so the sync key username would be empty for every user; use external id or username",
    ]);
    expect(ready({ presetId: 'github', mappings: { externalId: { from: ['login'] }, username: { from: ['login'] } } })).toEqual([]);
  });
});
