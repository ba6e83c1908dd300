import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialAadUpgradeService } from '../src/credentials/credential-aad-upgrade.service';
import { CredentialsService } from '../src/credentials/credentials.service';
import { VaultService } from '../src/vault/vault.service';
import { createTestDatabase, type TestDatabase } from './support/test-env';
import { sql, startVaultApp, tempDataDir, type RunningApp } from './support/vault-app';

const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;
const TOKEN = `scim-${randomBytes(16).toString('hex')}`;
const NEW_TOKEN = `scim-${randomBytes(16).toString('hex')}`;

describe('secrets stay bound to their target', () => {
  let db: TestDatabase;
  let server: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startVaultApp(db.url, { ROLECALL_DATA_DIR: tempDataDir() });
  });

  afterAll(async () => {
    for (const body of server?.bodies ?? []) for (const secret of [TOKEN, NEW_TOKEN]) expect(body).not.toContain(secret);
    await server?.close();
    await db?.drop();
  });

  const createScim = async (baseUrl = 'https://scim.tenant.example/scim/v2') => {
    const res = await server.call('POST', '/api/credentials', { name: unique('SCIM'), presetId: 'scim', baseUrl, fields: { token: TOKEN } });
    expect(res.status).toBe(201);
    return res.json.id as string;
  };
  const resolve = (id: string) => server.app.get(CredentialsService).resolveForUse(id);

  it('refuses to move a credential to another host without every secret again, naming the fields', async () => {
    const id = await createScim();
    const moved = await server.call('PATCH', `/api/credentials/${id}`, { baseUrl: 'https://attacker.example/scim/v2' });
    expect(moved.status).toBe(400);
    expect(moved.json.details.issues).toEqual([expect.objectContaining({ path: ['fields', 'token'] })]);
    expect(moved.json.message).toMatch(/fields\.token is required again/);
    expect((await server.call('GET', `/api/credentials/${id}`)).json.baseUrl).toBe('https://scim.tenant.example/scim/v2');
    // Another scheme or port is another origin too.
    for (const baseUrl of ['http://scim.tenant.example/scim/v2', 'https://scim.tenant.example:8443/scim/v2']) {
      expect((await server.call('PATCH', `/api/credentials/${id}`, { baseUrl })).status, baseUrl).toBe(400);
    }
    // With the secret, the move is stored and the new secret is what the new target gets.
    const entered = await server.call('PATCH', `/api/credentials/${id}`, { baseUrl: 'https://other.example/scim/v2', fields: { token: NEW_TOKEN } });
    expect(entered.status).toBe(200);
    expect((await resolve(id)).credentials.token).toBe(NEW_TOKEN);
  });

  it('keeps the secret for a new path on the same origin, and for a rename', async () => {
    const id = await createScim();
    expect((await server.call('PATCH', `/api/credentials/${id}`, { baseUrl: 'https://SCIM.tenant.example:443/v2' })).status).toBe(200);
    expect((await server.call('PATCH', `/api/credentials/${id}`, { name: unique('renamed') })).status).toBe(200);
    expect((await resolve(id)).credentials.token).toBe(TOKEN);
  });

  it('refuses a change of region or auth kind without the secrets', async () => {
    const litmos = await server.call('POST', '/api/credentials', {
      name: unique('Litmos'),
      presetId: 'litmos',
      region: 'eu',
      fields: { apiKey: TOKEN, source: 'rolecall-test' },
    });
    const region = await server.call('PATCH', `/api/credentials/${litmos.json.id}`, { region: 'au' });
    expect(region.status).toBe(400);
    expect(region.json.details.issues).toEqual([expect.objectContaining({ path: ['fields', 'apiKey'] })]);
    const lever = await server.call('POST', '/api/credentials', { name: unique('Lever'), presetId: 'lever', fields: { apiKey: TOKEN } });
    const kinds = (await server.call('GET', '/api/presets')).json.presets.find((p: { id: string }) => p.id === 'lever').authKinds;
    const other = kinds.find((k: { id: string }) => k.id !== lever.json.authKind);
    if (other) {
      const auth = await server.call('PATCH', `/api/credentials/${lever.json.id}`, { authKind: other.id });
      expect(auth.status).toBe(400);
    }
  });

  it('does not decrypt a ciphertext moved to another row, or a row whose target was changed in the database', async () => {
    const a = await createScim();
    const b = await createScim('https://scim.tenant.example/scim/v2');
    await sql(
      db.url,
      `UPDATE credential SET key_id = a.key_id, iv = a.iv, auth_tag = a.auth_tag, ciphertext = a.ciphertext
         FROM credential a WHERE a.id = $1 AND credential.id = $2`,
      [a, b],
    );
    await expect(resolve(b)).rejects.toThrow(/cannot be decrypted/);
    await sql(db.url, `UPDATE credential SET base_url = 'https://attacker.example/scim/v2' WHERE id = $1`, [a]);
    await expect(resolve(a)).rejects.toThrow(/moved to another target/);
  });

  it('re-seals rows of the id-only scheme at boot, binding them to their target', async () => {
    const id = await createScim();
    // A row as the previous release wrote it: associated data = the id only.
    const legacy = server.app.get(VaultService).seal(`rolecall:credential:${id}`, JSON.stringify({ token: TOKEN }));
    await sql(db.url, `UPDATE credential SET aad_version = 1, key_id = $2, iv = $3, auth_tag = $4, ciphertext = $5 WHERE id = $1`, [
      id,
      legacy.keyId,
      legacy.iv,
      legacy.authTag,
      legacy.ciphertext,
    ]);
    expect((await resolve(id)).credentials.token).toBe(TOKEN);
    const { upgraded, failed } = await server.app.get(CredentialAadUpgradeService).upgrade();
    expect(failed).toEqual([]);
    expect(upgraded).toBeGreaterThanOrEqual(1);
    expect(await sql(db.url, 'SELECT aad_version FROM credential WHERE id = $1', [id])).toEqual([{ aad_version: 2 }]);
    expect((await resolve(id)).credentials.token).toBe(TOKEN);
    await sql(db.url, `UPDATE credential SET base_url = 'https://attacker.example/scim/v2' WHERE id = $1`, [id]);
    await expect(resolve(id)).rejects.toThrow(/cannot be decrypted/);
  });
});
