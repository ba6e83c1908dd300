import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadEnv } from '../../src/config/env';
import { createApp } from '../../src/create-app';
import { adminToken, TEST_ADMIN_ENV } from './test-admin';
import { createTestDatabase, requiredTestEnv, type TestDatabase } from './test-env';

export interface TestApp {
  base: string;
  db: TestDatabase;
  app: NestExpressApplication;
  /** The admin API token `api` sends. */
  token: string;
  /** JSON request as the test admin; resolves with status and parsed body (or text for non-JSON answers). */
  api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; text: string }>;
  close(): Promise<void>;
}

/**
 * Boots the whole server on a fresh database with an embedded worker on a task queue of its own,
 * so concurrent test files never pick up each other's workflows.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  databaseServer?: string,
  logStream?: DestinationStream,
): Promise<TestApp> {
  const db = await createTestDatabase('rolecall_test', databaseServer);
  const env = loadEnv({
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: requiredTestEnv('TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    ROLECALL_MASTER_KEY: randomBytes(32).toString('base64'),
    ROLECALL_ALLOWED_HOSTS: '127.0.0.1',
    ROLECALL_WEB_DIST: '',
    ...TEST_ADMIN_ENV,
    ...overrides,
  });
  const app = await createApp(env, logStream);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const token = await adminToken(base).catch(async (err: unknown) => {
    await app.close();
    await db.drop();
    throw err;
  });
  const api: TestApp['api'] = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (CSV): the text is the body.
    }
    return { status: res.status, body: parsed as never, text };
  };
  return {
    base,
    db,
    app,
    token,
    api,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Polls a run until it completes or fails (a run awaiting confirmation waits for the caller). */
export async function waitForRun(t: TestApp, integrationId: string, runId: string, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.api('GET', `/api/integrations/${integrationId}/runs/${runId}?errorsPageSize=1000`);
    if (body.status === 'completed' || body.status === 'completed_with_warnings' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Run now + wait: the run's final detail (status, counts, error log). */
export async function runLoad(t: TestApp, integrationId: string): Promise<any> {
  const started = await t.api('POST', `/api/integrations/${integrationId}/run`);
  if (started.status !== 202) throw new Error(`run now answered ${started.status}: ${started.text}`);
  return waitForRun(t, integrationId, started.body.id);
}
