import type { Integration } from '../api/integrations.api';

/** A saved draft Litmos integration without a credential, with what a test is about given in `over`. */
export function savedIntegration(over: Partial<Integration> = {}): Integration {
  return {
    id: '0b7e1c1e-8c2f-4f5e-9a51-1f2d3c4b5a69',
    name: 'Litmos users',
    presetId: 'litmos',
    credentialId: null,
    appName: 'Litmos',
    appId: null,
    userSelection: 'user_plus_saas_user',
    preference: 'create_update',
    mappings: {},
    customFields: [],
    syncKeys: [],
    personRole: null,
    schedule: { kind: 'interval', every: '1d', timezone: 'UTC' },
    rateLimit: null,
    deactivationLimitPercent: 10,
    status: 'draft',
    readiness: { ready: false, missing: [] },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}
