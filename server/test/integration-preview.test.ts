import { getPreset, smartMapping } from '@rolecall/presets';
import { simulatorClient, startLitmosSimulator } from '@rolecall/presets/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorPool } from './support/load-fixtures';
import { startTestApp, type TestApp } from './support/rolecall-app';

let t: TestApp;
const sims = simulatorPool();

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await sims.closeAll();
  await t?.close();
});

describe('POST /api/integrations/preview', () => {
  it('maps the first five vendor users with unsaved mappings and custom fields, as a load would', async () => {
    const sim = await sims.start(startLitmosSimulator({ users: 12, rateLimit: false }));
    const credential = await t.api('POST', '/api/credentials', { name: 'Preview Litmos', presetId: 'litmos', baseUrl: sim.url, fields: sim.credentials });
    const litmos = getPreset('litmos');
    const mappings = { ...smartMapping(litmos.fields, litmos.defaultMapping).mappings, 'custom.title': { from: ['JobTitle'] } };
    const res = await t.api('POST', '/api/integrations/preview', {
      presetId: 'litmos',
      credentialId: credential.body.id,
      mappings,
      customFields: [{ key: 'title', label: 'Job title', type: 'string' }],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.records).toHaveLength(5);
    expect(res.body.more).toBe(true);
    const first = (await simulatorClient('litmos', sim).listUsersPage(undefined)).users[0] as Record<string, unknown>;
    expect(res.body.records[0]).toMatchObject({
      ok: true,
      reason: null,
      record: { externalId: first.Id, email: first.Email, custom: { title: first.JobTitle ?? null } },
    });
    // Nothing was stored: a preview is no integration.
    expect((await t.api('GET', '/api/integrations')).body).toEqual([]);
  });

  it('says in plain words why the vendor refused, and refuses a credential of another preset', async () => {
    const sim = await sims.start(startLitmosSimulator({ users: 3, rateLimit: false }));
    const wrong = await t.api('POST', '/api/credentials', { name: 'Preview wrong key', presetId: 'litmos', baseUrl: sim.url, fields: { ...sim.credentials, apiKey: 'nope' } });
    const refused = await t.api('POST', '/api/integrations/preview', { presetId: 'litmos', credentialId: wrong.body.id, mappings: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('rejected the credentials');
    const other = await t.api('POST', '/api/integrations/preview', { presetId: 'lever', credentialId: wrong.body.id, mappings: {} });
    expect(other.status).toBe(400);
    expect(other.body.message).toContain('not "lever"');
  });
});
