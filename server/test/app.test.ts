import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/rolecall-app';

describe('API against real Postgres and Temporal', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false', ROLECALL_VERSION: '1.2.3-test' });
    base = t.base;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reports Postgres and Temporal up with their latencies', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    for (const service of ['postgres', 'temporal']) {
      expect(body.services[service].status).toBe('up');
      expect(body.services[service].latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports the configured version (ROLECALL_VERSION), not whatever npm put in the environment', async () => {
    const body = await (await fetch(`${base}/api/health`)).json();
    expect(body.version).toBe('1.2.3-test');
  });

  it('ran the migrations at boot', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    const ds = t.app.get(DataSource);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('answers unknown routes with problem JSON', async () => {
    const res = await fetch(`${base}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('publishes an OpenAPI document that describes the health endpoint', async () => {
    const res = await fetch(`${base}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/health');
    const ui = await fetch(`${base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});

describe('API while Temporal is down', () => {
  it('reports Temporal down (503) and Postgres still up', async () => {
    // Port 9 (discard) has nothing listening on a test machine: connection refused at once.
    const down = await startTestApp({ TEMPORAL_ADDRESS: '127.0.0.1:9', ROLECALL_EMBEDDED_WORKER: 'false' });
    try {
      const res = await fetch(`${down.base}/api/health`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.status).toBe('degraded');
      expect(body.services.postgres.status).toBe('up');
      expect(body.services.temporal.status).toBe('down');
      expect(body.services.temporal.error).toEqual(expect.any(String));
    } finally {
      await down.close();
    }
  });
});
