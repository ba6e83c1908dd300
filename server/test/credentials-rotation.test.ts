import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/audit/system-actor';
import { CredentialsService } from '../src/credentials/credentials.service';
import { KeyRotationService } from '../src/credentials/key-rotation.service';
import { dataSourceOptions } from '../src/database/data-source-options';
import { keyIdOf } from '../src/vault/vault.crypto';
import { createTestDatabase, type TestDatabase } from './support/test-env';
import { sql, startVaultApp, tempDataDir, type RunningApp } from './support/vault-app';

const ROOT = resolve(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * Runs the `rolecall` CLI from source (tsx with support/tsconfig.cli.json, so sibling packages come from
 * source too), exactly as an operator would run the compiled one.
 */
async function rolecall(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'server/test/support/tsconfig.cli.json', 'server/src/cli/rolecall.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ROLECALL_MASTER_KEY: '', LOG_LEVEL: 'warn', ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

/** Creates `n` credentials across presets; returns id → the field values that went in. */
async function createMany(server: RunningApp, n: number): Promise<Map<string, Record<string, string>>> {
  const made = new Map<string, Record<string, string>>();
  for (let i = 0; i < n; i++) {
    const secret = `secret-${i}-${randomBytes(12).toString('hex')}`;
    const [presetId, fields] =
      i % 3 === 0
        ? ['litmos', { apiKey: secret, source: `src-${i}` }]
        : i % 3 === 1
          ? ['lever', { apiKey: secret }]
          : ['github', { token: secret, org: `org-${i}` }];
    const res = await server.call('POST', '/api/credentials', { name: unique(`cred ${i}`), presetId, fields });
    expect(res.status).toBe(201);
    made.set(res.json.id, fields);
  }
  return made;
}

async function keyIds(dbUrl: string): Promise<Map<string, string>> {
  const rows = await sql<{ id: string; key_id: string }>(dbUrl, 'SELECT id, key_id FROM credential');
  return new Map(rows.map((r) => [r.id, r.key_id]));
}

async function expectAllDecrypt(server: RunningApp, made: Map<string, Record<string, string>>): Promise<void> {
  const service = server.app.get(CredentialsService);
  for (const [id, fields] of made) expect((await service.resolveForUse(id)).credentials).toEqual(fields);
}

describe('vault key rotation, embedded key file', () => {
  let db: TestDatabase;
  let dataDir: string;
  let before: RunningApp;
  let made: Map<string, Record<string, string>>;
  const keyFile = () => JSON.parse(readFileSync(join(dataDir, 'vault-keys.json'), 'utf8')) as { current: string; keys: Record<string, string> };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = tempDataDir();
    // Started before any rotation; must keep working throughout.
    before = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir });
    made = await createMany(before, 7);
  });

  afterAll(async () => {
    await before?.close();
    await db?.drop();
  });

  it('re-encrypts every credential under a new key; a server started before the rotation still decrypts and then writes with the new key', async () => {
    const oldKey = keyFile().current;
    const updatedBefore = await sql<{ id: string; updated_at: Date }>(db.url, 'SELECT id, updated_at FROM credential ORDER BY id');

    const rotator = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir });
    let result;
    try {
      result = await rotator.app.get(KeyRotationService).rotate(systemActor('cli'), { batchSize: 3 });
    } finally {
      await rotator.close();
    }
    expect(result).toEqual({ keyId: expect.stringMatching(/^[0-9a-f]{16}$/), generatedKey: true, reencrypted: 7, failed: [], remaining: 0 });
    expect(result.keyId).not.toBe(oldKey);
    expect(keyFile()).toMatchObject({ current: result.keyId, keys: { [oldKey]: expect.any(String), [result.keyId]: expect.any(String) } });
    expect(statSync(join(dataDir, 'vault-keys.json')).mode & 0o777).toBe(0o600);
    expect(new Set((await keyIds(db.url)).values())).toEqual(new Set([result.keyId]));
    // Re-encryption is not an edit.
    expect(await sql(db.url, 'SELECT id, updated_at FROM credential ORDER BY id')).toEqual(updatedBefore);

    await expectAllDecrypt(before, made);
    const fresh = await before.call('POST', '/api/credentials', { name: unique('after'), presetId: 'lever', fields: { apiKey: 'after-rotation-key-123' } });
    made.set(fresh.json.id, { apiKey: 'after-rotation-key-123' });
    expect((await keyIds(db.url)).get(fresh.json.id)).toBe(result.keyId);

    const [audit] = await sql<{ details: Record<string, unknown> }>(db.url, `SELECT details FROM audit_event WHERE action = 'vault.key_rotated'`);
    expect(audit!.details).toMatchObject({ keyId: result.keyId, reencrypted: 7, remaining: 0 });
  });

  it('rotates again through `rolecall vault rotate-key`, and the running server follows', async () => {
    const previous = keyFile().current;
    const cli = await rolecall(['vault', 'rotate-key'], { DATABASE_URL: db.url, ROLECALL_DATA_DIR: dataDir });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const current = keyFile().current;
    expect(current).not.toBe(previous);
    expect(Object.keys(keyFile().keys)).toHaveLength(3);
    expect(cli.stdout).toContain(`re-encrypted ${made.size} secrets under key id ${current}`);
    expect(cli.stdout).toContain('back up the key file');
    for (const value of made.values()) for (const v of Object.values(value)) expect(cli.stdout).not.toContain(v);
    expect(new Set((await keyIds(db.url)).values())).toEqual(new Set([current]));
    await expectAllDecrypt(before, made);
  });

  it('refuses to run while another rotation holds the lock', async () => {
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(7268013517)');
      await expect(before.app.get(KeyRotationService).rotate(systemActor('cli'))).rejects.toThrow('another vault key rotation is running');
    } finally {
      await holder.end();
    }
  });
});

describe('vault key rotation with ROLECALL_MASTER_KEY', () => {
  const k1 = randomBytes(32).toString('base64');
  const k2 = randomBytes(32).toString('base64');
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('re-encrypts rows not under the first key, reports the ones it cannot decrypt, and is idempotent', async () => {
    const dataDir = tempDataDir();
    const old = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir, ROLECALL_MASTER_KEY: k1 });
    let made: Map<string, Record<string, string>>;
    try {
      made = await createMany(old, 4);
    } finally {
      await old.close();
    }
    const [damaged] = [...made.keys()];
    made.delete(damaged!);
    await sql(db.url, `UPDATE credential SET auth_tag = overlay(auth_tag placing '\\xff'::bytea from 1 for 1) WHERE id = $1`, [damaged]);

    const cli = await rolecall(['vault', 'rotate-key'], { DATABASE_URL: db.url, ROLECALL_DATA_DIR: dataDir, ROLECALL_MASTER_KEY: `${k2},${k1}` });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`re-encrypted 3 secrets under key id ${keyIdOf(Buffer.from(k2, 'base64'))}`);
    expect(cli.stderr).toMatch(new RegExp(`could not re-encrypt credential ".*" \\(${damaged}\\): the ciphertext failed authentication`));
    expect(cli.stderr).toContain('1 credential(s) are still under another key');
    expect(cli.stderr).not.toContain(k1);
    expect(cli.stderr).not.toContain(k2);

    const next = await startVaultApp(db.url, { ROLECALL_DATA_DIR: dataDir, ROLECALL_MASTER_KEY: k2 });
    try {
      await expectAllDecrypt(next, made);
      // Repair the damaged one by re-entering it, then a rotation has nothing left to do.
      await next.call('PATCH', `/api/credentials/${damaged}`, { fields: { apiKey: 'a-brand-new-key-0001' } });
      const again = await next.app.get(KeyRotationService).rotate(systemActor('cli'));
      expect(again).toEqual({ keyId: keyIdOf(Buffer.from(k2, 'base64')), generatedKey: false, reencrypted: 0, failed: [], remaining: 0 });
    } finally {
      await next.close();
    }
  });
});

describe('rolecall CLI', () => {
  it('prints usage for help and fails with 2 on an unknown command', async () => {
    const help = await rolecall(['help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('vault rotate-key');
    const unknown = await rolecall(['vault', 'spin'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "vault spin"');
  });

  it('refuses an unmigrated database, and announces a key file it has to generate', async () => {
    const db = await createTestDatabase();
    const dataDir = tempDataDir();
    try {
      const env = { DATABASE_URL: db.url, ROLECALL_DATA_DIR: dataDir };
      const early = await rolecall(['vault', 'rotate-key'], env);
      expect(early.code).toBe(1);
      expect(early.stderr).toContain('pending migrations; start the server once');
      const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
      try {
        await ds.runMigrations();
      } finally {
        await ds.destroy();
      }
      const res = await rolecall(['vault', 'rotate-key'], env);
      expect(res.code).toBe(0);
      const path = join(dataDir, 'vault-keys.json');
      expect(res.stdout).toContain(`generated the vault master key in ${path} (mode 0600). Back it up`);
      expect(res.stdout).toMatch(/re-encrypted 0 secrets under key id [0-9a-f]{16}/);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      await db.drop();
    }
  });

  it('fails with the configuration problem, never echoing the bad key', async () => {
    const bad = 'c2hvcnQta2V5LXZhbHVl';
    const res = await rolecall(['vault', 'rotate-key'], { ROLECALL_MASTER_KEY: bad });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('ROLECALL_MASTER_KEY: entry 1 of 1 is not a base64-encoded 32-byte key');
    expect(res.stderr).not.toContain(bad);
  });
});
