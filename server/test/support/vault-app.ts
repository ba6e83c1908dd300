import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { afterAll } from 'vitest';
import { loadEnv } from '../../src/config/env';
import { createApp } from '../../src/create-app';
import { adminToken, TEST_ADMIN_ENV } from './test-admin';
import { requiredTestEnv } from './test-env';

export interface RunningApp {
  app: NestExpressApplication;
  base: string;
  /** Every response body this app served through `call`, to prove no secret ever left. */
  bodies: string[];
  // Tests read arbitrary response shapes; typing each endpoint here would add nothing.
   
  call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: any }>;
  close(): Promise<void>;
}

const dataDirs: string[] = [];
// A file-level hook of every test file that imports this helper.
afterAll(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh private data directory (the embedded key file lives there), removed after the test file. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-vault-'));
  dataDirs.push(dir);
  return dir;
}

/** Boots the whole app on a free port against `databaseUrl`; `env` overrides the defaults. */
export async function startVaultApp(databaseUrl: string, env: Record<string, string>): Promise<RunningApp> {
  const app = await createApp(
    loadEnv({
      LOG_LEVEL: 'silent',
      ROLECALL_EMBEDDED_WORKER: 'false',
      ROLECALL_WEB_DIST: '',
      TEMPORAL_ADDRESS: requiredTestEnv('TEMPORAL_ADDRESS'),
      ROLECALL_ALLOWED_HOSTS: process.env.ROLECALL_ALLOWED_HOSTS ?? '127.0.0.1',
      DATABASE_URL: databaseUrl,
      ...TEST_ADMIN_ENV,
      ...env,
    }),
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const bodies: string[] = [];
  const token = await adminToken(base).catch(async (err: unknown) => {
    await app.close();
    throw err;
  });
  return {
    app,
    base,
    bodies,
    async call(method, path, body) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      bodies.push(text);
      return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
    },
    close: () => app.close(),
  };
}

/** Runs one query on the test database directly (to inspect or tamper with stored bytes). */
export async function sql<T = Record<string, unknown>>(databaseUrl: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
