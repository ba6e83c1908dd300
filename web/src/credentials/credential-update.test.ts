import { CATALOG } from '@rolecall/presets/catalog';
import { describe, expect, it } from 'vitest';
import type { Credential } from '../api/credentials.api';
import { toEditValues, toUpdateBody } from './credential-update';

const litmos = CATALOG.presets.find((p) => p.id === 'litmos')!;
const stored: Credential = {
  id: '0b5e8f5e-6c1e-4c55-9d2f-2d0b7a4f1c11',
  name: 'Litmos production',
  presetId: 'litmos',
  authKind: litmos.authKinds[0]!.id,
  region: null,
  baseUrl: null,
  masks: { apiKey: '••••0001' },
  settings: {},
  lastTestedAt: null,
  lastTestResult: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as Credential;

describe('credential edit body', () => {
  it('sends nothing unchanged, and keeps a secret left empty', () => {
    expect(toUpdateBody(toEditValues(stored, litmos), stored, litmos)).toEqual({});
  });

  it('sends only what changed: a new name, a region back to default, a replaced secret', () => {
    const values = { ...toEditValues(stored, litmos), name: 'Litmos EU', region: 'eu', fields: { apiKey: ' new-key ' } };
    expect(toUpdateBody(values, stored, litmos)).toEqual({ name: 'Litmos EU', region: 'eu', fields: { apiKey: 'new-key' } });
    expect(toUpdateBody(toEditValues({ ...stored, region: 'eu' } as Credential, litmos), { ...stored, region: 'eu' } as Credential, litmos)).toEqual({});
    expect(toUpdateBody({ ...toEditValues(stored, litmos), region: '' }, { ...stored, region: 'eu' } as Credential, litmos)).toEqual({ region: null });
  });
});
