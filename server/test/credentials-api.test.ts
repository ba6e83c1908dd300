import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLitmosSimulator, type SimulatorHandle } from '../../presets/src/simulators';
import { CredentialsService } from '../src/credentials/credentials.service';
import { keyIdOf } from '../src/vault/vault.crypto';
import { createTestDatabase, type TestDatabase } from './support/test-env';
import { sql, startVaultApp, tempDataDir, type RunningApp } from './support/vault-app';

const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;
/** A 36-character Litmos-like key: long enough to be masked with its last 4 characters. */
const LONG_KEY = `sk-${randomBytes(16).toString('hex')}x9Zq`;
const SHORT_TOKEN = 'tok-1234';

/** Proves that none of `secrets` appears in any of `texts`. */
function expectNoSecret(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('credentials API (embedded key file)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let server: RunningApp;
  const secrets = [LONG_KEY, SHORT_TOKEN];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = tempDataDir();
    server = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir });
  });

  afterAll(async () => {
    // Whatever the tests did, no response ever carried a secret.
    expectNoSecret(server?.bodies ?? [], secrets);
    await server?.close();
    await db?.drop();
  });

  it('creates, reads, lists, updates and deletes a credential, showing secrets only as masks', async () => {
    const name = unique('Litmos prod');
    const created = await server.call('POST', '/api/credentials', {
      name,
      presetId: 'litmos',
      region: 'eu',
      fields: { apiKey: LONG_KEY, source: 'rolecall-test' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name,
      presetId: 'litmos',
      authKind: 'api-key',
      region: 'eu',
      baseUrl: null,
      settings: { source: 'rolecall-test' },
      masks: { apiKey: `••••${LONG_KEY.slice(-4)}` },
      lastTestedAt: null,
      lastTestResult: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { id } = created.json;

    const read = await server.call('GET', `/api/credentials/${id}`);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);

    const listed = await server.call('GET', '/api/credentials');
    expect(listed.json.map((c: { id: string }) => c.id)).toContain(id);
    expect((await server.call('GET', '/api/credentials?presetId=lever')).json.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await server.call('GET', '/api/credentials?presetId=litmos')).json.map((c: { id: string }) => c.id)).toContain(id);

    const newKey = `${LONG_KEY}-rotated-AbCd`;
    secrets.push(newKey);
    const patched = await server.call('PATCH', `/api/credentials/${id}`, { name: `${name} (EU)`, fields: { apiKey: newKey } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: `${name} (EU)`,
      region: 'eu',
      settings: { source: 'rolecall-test' },
      masks: { apiKey: '••••AbCd' },
    });
    const resolved = await server.app.get(CredentialsService).resolveForUse(id);
    expect(resolved).toEqual({ presetId: 'litmos', authKind: 'api-key', region: 'eu', credentials: { apiKey: newKey, source: 'rolecall-test' } });

    // Region back to the preset default moves the credential: its key must be given again.
    const unkeyed = await server.call('PATCH', `/api/credentials/${id}`, { region: null, fields: { source: '' } });
    expect(unkeyed.status).toBe(400);
    expect(unkeyed.json.details.issues).toEqual([expect.objectContaining({ path: ['fields', 'apiKey'] })]);
    // With it, the move is stored and an empty optional field is cleared.
    const moved = await server.call('PATCH', `/api/credentials/${id}`, { region: null, fields: { source: '', apiKey: newKey } });
    expect(moved.json).toMatchObject({ region: null, settings: {}, masks: { apiKey: '••••AbCd' } });
    expect((await server.app.get(CredentialsService).resolveForUse(id)).credentials).toEqual({ apiKey: newKey });

    const deleted = await server.call('DELETE', `/api/credentials/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await server.call('GET', `/api/credentials/${id}`)).status).toBe(404);

    const audit = await sql<{ action: string; details: unknown }>(
      db.url,
      `SELECT action, details FROM audit_event WHERE subject_id = $1 ORDER BY at, action`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['credential.created', 'credential.updated', 'credential.updated', 'credential.deleted']);
    expect(audit[1]!.details).toMatchObject({ changed: expect.arrayContaining(['name', 'fields.apiKey']) });
    expectNoSecret([JSON.stringify(audit)], secrets);
  });

  it('masks secrets shorter than 12 characters completely', async () => {
    const res = await server.call('POST', '/api/credentials', {
      name: unique('GitHub'),
      presetId: 'github',
      fields: { token: SHORT_TOKEN, org: 'acme' },
    });
    expect(res.status).toBe(201);
    expect(res.json.masks).toEqual({ token: '••••' });
    expect(res.json.settings).toEqual({ org: 'acme' });
  });

  it('stores secrets only as AES-GCM ciphertext: no secret in any column of the row', async () => {
    const res = await server.call('POST', '/api/credentials', {
      name: unique('Planhat'),
      presetId: 'planhat',
      authKind: 'basic',
      fields: { token: LONG_KEY },
    });
    expect(res.status).toBe(201);
    const [row] = await sql<Record<string, unknown>>(db.url, 'SELECT * FROM credential WHERE id = $1', [res.json.id]);
    const keyFile = JSON.parse(readFileSync(join(dataDir, 'vault-keys.json'), 'utf8'));
    expect(row).toMatchObject({ key_id: keyFile.current, auth_kind: 'basic' });
    expect((row!.iv as Buffer).length).toBe(12);
    expect((row!.auth_tag as Buffer).length).toBe(16);
    const raw = Buffer.concat(Object.values(row!).map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v) ?? ''))));
    expect(raw.includes(Buffer.from(LONG_KEY))).toBe(false);
    expect(raw.toString('latin1')).not.toContain(LONG_KEY);
    // The whole row as Postgres prints it, too.
    const [text] = await sql<{ t: string }>(db.url, 'SELECT c::text AS t FROM credential c WHERE id = $1', [res.json.id]);
    expect(text!.t).not.toContain(LONG_KEY);
    expect(text!.t).not.toContain(Buffer.from(LONG_KEY).toString('hex'));
  });

  it('answers a malformed body with 400 and the zod issues', async () => {
    const res = await server.call('POST', '/api/credentials', { name: '', presetId: 'litmos', fields: { apiKey: 42 }, extra: true });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const paths = res.json.details.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'fields.apiKey']));
    expect(res.json.details.issues.some((i: { code: string }) => i.code === 'unrecognized_keys')).toBe(true);

    const badUrl = await server.call('POST', '/api/credentials', {
      name: unique('x'),
      presetId: 'litmos',
      baseUrl: 'https://user:pass@example.com/v1.svc',
      fields: { apiKey: LONG_KEY },
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.json.message).toContain('must not embed credentials');

    const empty = await server.call('PATCH', '/api/credentials/00000000-0000-4000-8000-000000000000', {});
    expect(empty.status).toBe(400);
    expect(empty.json.message).toContain('give at least one of name');
  });

  it('answers every bad input with 400 listing all problems in plain words, never a 500', async () => {
    for (const baseUrl of ['foo', 'http://', 'ftp://example.com']) {
      const res = await server.call('POST', '/api/credentials', { name: '', presetId: 'litmos', baseUrl, fields: { apiKey: LONG_KEY } });
      expect(res.status, baseUrl).toBe(400);
      expect(res.json.message).toContain('name must not be empty');
      expect(res.json.message).toMatch(/baseUrl must be an http\(s\) URL/);
      expect(res.json.message).not.toMatch(/Too small|expected string|Invalid input/);
    }
    const missing = await server.call('POST', '/api/credentials', { presetId: 'litmos', fields: { apiKey: LONG_KEY } });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toBe('request is invalid: name is required');

    const longSource = await server.call('POST', '/api/credentials', {
      name: unique('x'),
      presetId: 'litmos',
      fields: { apiKey: LONG_KEY, source: 's'.repeat(51) },
    });
    expect(longSource.status).toBe(400);
    expect(longSource.json.details.issues).toEqual([{ path: ['fields', 'source'], message: 'must be at most 50 characters (Source)' }]);
  });

  it('checks the body against the preset: missing required field, unknown field, unknown preset, region or auth kind', async () => {
    const missing = await server.call('POST', '/api/credentials', { name: unique('x'), presetId: 'litmos', fields: { source: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.json.code).toBe('VALIDATION_FAILED');
    expect(missing.json.message).toContain('fields.apiKey is required (API key)');
    expect(missing.json.details.issues).toEqual([{ path: ['fields', 'apiKey'], message: 'is required (API key)' }]);

    const unknownField = await server.call('POST', '/api/credentials', {
      name: unique('x'),
      presetId: 'litmos',
      fields: { apiKey: LONG_KEY, password: 'hunter2-secret' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.json.message).toContain('fields.password is not a field of SAP Litmos');
    expect(unknownField.text).not.toContain('hunter2-secret');

    const cases: [Record<string, unknown>, string][] = [
      [{ presetId: 'nope' }, 'presetId "nope" is not a preset'],
      [{ presetId: 'litmos', region: 'mars' }, 'region "mars" is not a region of SAP Litmos'],
      [{ presetId: 'litmos', authKind: 'oauth' }, 'authKind "oauth" is not an auth kind of SAP Litmos'],
      [{ presetId: 'scim', fields: { token: LONG_KEY } }, 'baseUrl is required'],
    ];
    for (const [body, message] of cases) {
      const res = await server.call('POST', '/api/credentials', { name: unique('x'), fields: { apiKey: LONG_KEY }, ...body });
      expect(res.status, message).toBe(400);
      expect(res.json.message).toContain(message);
    }
  });

  it('answers unknown ids with 404 and ids that are not UUIDs with 400', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [
      ['GET', `/api/credentials/${id}`],
      ['PATCH', `/api/credentials/${id}`],
      ['DELETE', `/api/credentials/${id}`],
      ['POST', `/api/credentials/${id}/test`],
    ] as const) {
      const res = await server.call(method, path, method === 'PATCH' ? { name: 'x' } : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json).toMatchObject({ code: 'NOT_FOUND', message: `no credential with id "${id}"` });
    }
    expect((await server.call('GET', '/api/credentials/not-a-uuid')).status).toBe(400);
  });

  it('refuses a second credential with the same name in any letter case (409)', async () => {
    const name = unique('Lever Prod');
    const body = { name, presetId: 'lever', fields: { apiKey: LONG_KEY } };
    expect((await server.call('POST', '/api/credentials', body)).status).toBe(201);
    const clash = await server.call('POST', '/api/credentials', { ...body, name: name.toUpperCase() });
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ code: 'CONFLICT' });
    expect(clash.json.message).toContain('already exists');
    const other = await server.call('POST', '/api/credentials', { ...body, name: unique('Lever Sandbox') });
    const rename = await server.call('PATCH', `/api/credentials/${other.json.id}`, { name: name.toLowerCase() });
    expect(rename.status).toBe(409);
  });

  it('detects a tampered ciphertext and a ciphertext moved to another row, with a clear error', async () => {
    const make = async () =>
      (await server.call('POST', '/api/credentials', { name: unique('Lever'), presetId: 'lever', fields: { apiKey: LONG_KEY } })).json.id as string;
    const [a, b] = [await make(), await make()];
    const service = server.app.get(CredentialsService);

    await sql(db.url, `UPDATE credential SET ciphertext = overlay(ciphertext placing '\\x00'::bytea from 3 for 1) WHERE id = $1`, [a]);
    await expect(service.resolveForUse(a)).rejects.toThrow(/cannot be decrypted: the ciphertext failed authentication/);
    const viaApi = await server.call('POST', `/api/credentials/${a}/test`);
    expect(viaApi.status).toBe(409);
    expect(viaApi.json.message).toMatch(/credential ".*" \(.*\) cannot be decrypted.*enter its secret fields again/);

    // Copying b's sealed secret onto a fails too: the row id is the associated data.
    await sql(db.url, `UPDATE credential SET (iv, auth_tag, ciphertext) = (SELECT iv, auth_tag, ciphertext FROM credential WHERE id = $2) WHERE id = $1`, [a, b]);
    await expect(service.resolveForUse(a)).rejects.toThrow(/failed authentication/);
    expect((await service.resolveForUse(b)).credentials.apiKey).toBe(LONG_KEY);

    // Re-entering every secret repairs it.
    const repaired = await server.call('PATCH', `/api/credentials/${a}`, { fields: { apiKey: LONG_KEY } });
    expect(repaired.status).toBe(200);
    expect((await service.resolveForUse(a)).credentials.apiKey).toBe(LONG_KEY);
  });

  it('documents the endpoints in OpenAPI without any secret-bearing response field', async () => {
    const doc = (await server.call('GET', '/api/docs-json')).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/credentials', '/api/credentials/{id}', '/api/credentials/{id}/test']),
    );
    expect(doc.paths['/api/credentials'].post.tags).toEqual(['credentials']);
    const responseSchema = JSON.stringify(doc.paths['/api/credentials/{id}'].get.responses['200']);
    const ref = /#\/components\/schemas\/(\w+)/.exec(responseSchema)?.[1];
    const properties = Object.keys(doc.components.schemas[ref!].properties);
    expect(properties).toEqual(expect.arrayContaining(['masks', 'settings', 'lastTestResult']));
    for (const hidden of ['fields', 'ciphertext', 'iv', 'authTag', 'keyId']) expect(properties).not.toContain(hidden);
  });

  it('generates the key file with mode 0600 and reuses it after a restart', async () => {
    const path = join(dataDir, 'vault-keys.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const before = readFileSync(path, 'utf8');
    const id = (await server.call('POST', '/api/credentials', { name: unique('Lever'), presetId: 'lever', fields: { apiKey: LONG_KEY } })).json.id;
    const restarted = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir });
    try {
      expect(readFileSync(path, 'utf8')).toBe(before);
      expect((await restarted.app.get(CredentialsService).resolveForUse(id)).credentials.apiKey).toBe(LONG_KEY);
    } finally {
      await restarted.close();
    }
  });
});

describe('credentials API with ROLECALL_MASTER_KEY', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('encrypts under the first env key, writes no key file, and names a missing key when it is dropped too early', async () => {
    const dataDir = tempDataDir();
    const first = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir, ROLECALL_MASTER_KEY: k1.toString('base64') });
    let id: string;
    try {
      const res = await first.call('POST', '/api/credentials', { name: unique('Lever'), presetId: 'lever', fields: { apiKey: LONG_KEY } });
      expect(res.status).toBe(201);
      id = res.json.id;
      const [row] = await sql<{ key_id: string }>(db.url, 'SELECT key_id FROM credential WHERE id = $1', [id]);
      expect(row!.key_id).toBe(keyIdOf(k1));
      expect(existsSync(join(dataDir, 'vault-keys.json'))).toBe(false);
    } finally {
      await first.close();
    }

    // "new,old": new writes use k2, old rows still decrypt with k1.
    const both = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir, ROLECALL_MASTER_KEY: `${k2.toString('base64')},${k1.toString('base64')}` });
    try {
      expect((await both.app.get(CredentialsService).resolveForUse(id)).credentials.apiKey).toBe(LONG_KEY);
      expect((await both.call('PATCH', `/api/credentials/${id}`, { fields: { apiKey: `${LONG_KEY}2` } })).status).toBe(200);
      const [row] = await sql<{ key_id: string }>(db.url, 'SELECT key_id FROM credential WHERE id = $1', [id]);
      expect(row!.key_id).toBe(keyIdOf(k2));
      expect((await both.app.get(CredentialsService).resolveForUse(id)).credentials.apiKey).toBe(`${LONG_KEY}2`);
    } finally {
      await both.close();
    }

    const only1 = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir, ROLECALL_MASTER_KEY: k1.toString('base64') });
    try {
      await expect(only1.app.get(CredentialsService).resolveForUse(id)).rejects.toThrow(
        `it is encrypted with key id ${keyIdOf(k2)}, which is not in ROLECALL_MASTER_KEY`,
      );
    } finally {
      await only1.close();
    }
  });
});

describe('POST /api/credentials/:id/test against the Litmos simulator', () => {
  let db: TestDatabase;
  let server: RunningApp;
  let litmos: SimulatorHandle;
  const wrongKey = `wrong-${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    litmos = await startLitmosSimulator({ users: 5, rateLimit: false });
    server = await startVaultApp(db.url, { ROLECALL_DATA_DIR: tempDataDir(), ROLECALL_ALLOWED_HOSTS: '127.0.0.1' });
  });

  afterAll(async () => {
    expectNoSecret(server?.bodies ?? [], [wrongKey, litmos?.credentials.apiKey ?? 'unset']);
    await server?.close();
    await litmos?.close();
    await db?.drop();
  });

  const create = async (apiKey: string, baseUrl = litmos.url) =>
    (await server.call('POST', '/api/credentials', { name: unique('Litmos sim'), presetId: 'litmos', baseUrl, fields: { apiKey } })).json
      .id as string;

  it('reports ok for good credentials and records the result', async () => {
    const id = await create(litmos.credentials.apiKey!);
    const res = await server.call('POST', `/api/credentials/${id}/test`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, message: expect.stringContaining('accepted'), latencyMs: expect.any(Number) });
    const after = (await server.call('GET', `/api/credentials/${id}`)).json;
    expect(after.lastTestResult).toMatchObject({ ok: true });
    expect(after.lastTestedAt).toEqual(expect.any(String));
    const audit = await sql<{ details: unknown }>(db.url, `SELECT details FROM audit_event WHERE subject_id = $1 AND action = 'credential.tested'`, [id]);
    expect(audit).toEqual([{ details: { ok: true } }]);
  });

  it('says the key is bad (VENDOR_AUTH_FAILED) without echoing it', async () => {
    const id = await create(wrongKey);
    const res = await server.call('POST', `/api/credentials/${id}/test`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: false, code: 'VENDOR_AUTH_FAILED', status: 401 });
    expect(res.json.message).toContain('rejected the credentials');
    expect(res.text).not.toContain(wrongKey);
    expect((await server.call('GET', `/api/credentials/${id}`)).json.lastTestResult).toMatchObject({ ok: false, code: 'VENDOR_AUTH_FAILED' });
  });

  it('says the vendor is rate limiting (VENDOR_RATE_LIMITED) at once instead of waiting', async () => {
    const id = await create(litmos.credentials.apiKey!);
    litmos.setFaults({ throttleRate: 1 });
    try {
      const res = await server.call('POST', `/api/credentials/${id}/test`);
      expect(res.json).toMatchObject({ ok: false, code: 'VENDOR_RATE_LIMITED', status: 503 });
      expect(res.json.latencyMs).toBeLessThan(10_000);
    } finally {
      litmos.setFaults({});
    }
  });

  it('fails the test when a plain web page answers 200 at the base URL', async () => {
    const page = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><h1>It works</h1>'));
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', () => r()));
    try {
      const baseUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/v1.svc`;
      const id = await create(litmos.credentials.apiKey!, baseUrl);
      const res = await server.call('POST', `/api/credentials/${id}/test`);
      expect(res.json).toMatchObject({
        ok: false,
        code: 'VENDOR_MALFORMED_RESPONSE',
        message: `The server at ${baseUrl} answered, but not like the SAP Litmos API: check the base URL.`,
      });
      expect((await server.call('GET', `/api/credentials/${id}`)).json.lastTestResult).toMatchObject({ ok: false });
    } finally {
      page.closeAllConnections();
      await new Promise<void>((r) => page.close(() => r()));
    }
  });

  it('says the vendor is unreachable (VENDOR_UNREACHABLE) and refuses hosts outside the allow-list', async () => {
    // Port 9 (discard) has nothing listening on a test machine: connection refused at once.
    const unreachable = await create(litmos.credentials.apiKey!, 'http://127.0.0.1:9/v1.svc');
    expect((await server.call('POST', `/api/credentials/${unreachable}/test`)).json).toMatchObject({
      ok: false,
      code: 'VENDOR_UNREACHABLE',
    });
    const foreign = await create(litmos.credentials.apiKey!, 'http://metadata.internal.example/v1.svc');
    expect((await server.call('POST', `/api/credentials/${foreign}/test`)).json).toMatchObject({ ok: false, code: 'HOST_NOT_ALLOWED' });
  });
});
