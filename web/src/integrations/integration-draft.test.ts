import { describe, expect, it } from 'vitest';
import type { Integration } from '../api/integrations.api';
import { savedIntegration } from '../test-support/integration-fixture';
import { changedSettings, toDraft } from './integration-draft';

const saved = savedIntegration({
  mappings: { email: { from: ['Email'] } },
  syncKeys: [
    { field: 'email', priority: 2 },
    { field: 'externalId', priority: 1 },
  ],
  rateLimit: { requests: 100, perMs: 60_000 },
  readiness: { ready: false, missing: ['credentialId'] },
});

describe('integration draft', () => {
  it('holds the sync keys in priority order and the rate limit in seconds', () => {
    const draft = toDraft(saved);
    expect(draft.syncKeys).toEqual(['externalId', 'email']);
    expect(draft.rateLimit).toEqual({ requests: '100', seconds: '60' });
    expect([draft.credentialId, draft.personRole]).toEqual(['', '']);
  });

  it('sends nothing when nothing changed', () => {
    expect(changedSettings(saved, toDraft(saved))).toEqual({});
  });

  it('sends only the changed settings, in the API shape', () => {
    const draft = { ...toDraft(saved), name: '  Litmos (EU)  ', syncKeys: ['email', 'externalId'] as Integration['syncKeys'][number]['field'][], rateLimit: { requests: '100', seconds: '30' } };
    expect(changedSettings(saved, draft)).toEqual({
      name: 'Litmos (EU)',
      syncKeys: [
        { field: 'email', priority: 1 },
        { field: 'externalId', priority: 2 },
      ],
      rateLimit: { requests: 100, perMs: 30_000 },
    });
  });

  it('clears the rate limit when both numbers are emptied and turns empty choices into null', () => {
    const withChoices = { ...saved, credentialId: '5f0c2a7d-3b1e-4c8a-9e6f-7a8b9c0d1e2f', personRole: 'employee' };
    const draft = { ...toDraft(withChoices), rateLimit: { requests: ' ', seconds: '' }, credentialId: '', personRole: '  ' };
    expect(changedSettings(withChoices, draft)).toEqual({ rateLimit: null, credentialId: null, personRole: null });
  });

  it('passes a bad number through so the API names the field', () => {
    const draft = { ...toDraft(saved), rateLimit: { requests: 'lots', seconds: '60' } };
    expect(changedSettings(saved, draft).rateLimit).toEqual({ requests: Number.NaN, perMs: 60_000 });
  });
});
