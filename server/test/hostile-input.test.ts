import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/common/json-body';
import { sql } from './support/vault-app';
import { startTestApp, type TestApp } from './support/rolecall-app';

/** A value that must never come back in a response or a log line. */
const SECRET = `sk-hostile-${randomBytes(12).toString('hex')}`;
const TABLES = ['credential', 'integration', 'integration_run', 'person', 'saas_app', 'saas_user', 'inventory_event', 'audit_event'];

/** Bodies that are valid JSON but must be refused by every write route's schema (or its 404). */
const TYPED_CORPUS: unknown[] = [
  {},
  [],
  [{ name: 'x' }],
  { name: 123, presetId: ['litmos'], fields: 'x' },
  { name: null, presetId: null, fields: null, status: 42, mode: {} },
  { name: 'x'.repeat(200_000), presetId: 'litmos', fields: { apiKey: SECRET } },
  { name: 'ok', presetId: 'p'.repeat(10_000), fields: { apiKey: SECRET } },
  { name: 'ok', presetId: 'litmos', fields: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, SECRET])) },
  { name: '<script>alert(1)</script>', presetId: 'litmos', fields: { apiKey: SECRET, source: 'x' } },
  { name: 'admin\u202egnp.exe', presetId: 'litmos', fields: { apiKey: SECRET, source: 'x' } },
  { name: 'lone \ud800 half', presetId: 'litmos', fields: { apiKey: SECRET, source: 'x' } },
  { name: 'bell \u0007', presetId: 'litmos', fields: { apiKey: SECRET, source: 'x' } },
  { name: '   ', presetId: 'litmos', fields: { apiKey: SECRET, source: 'x' } },
  { name: '<img src=x onerror=alert(1)>', presetId: 'litmos', appName: 'x' },
  { name: 'rate', presetId: 'litmos', rateLimit: { requests: 1e12, perMs: -1 } },
  { name: 'rate', presetId: 'litmos', rateLimit: { requests: 1.5, perMs: Number.MAX_SAFE_INTEGER } },
  { name: 'sched', presetId: 'litmos', schedule: { kind: 'interval', every: `${'9'.repeat(400)}d` } },
  { status: 'deleted' },
  { status: 'deactivated', extra: true },
];

/** Raw bodies: not JSON, JSON that smuggles prototype keys or NUL. */
const RAW_CORPUS = [
  '{"name": ',
  '{name: 1}',
  '[1, 2',
  '"a string"',
  '12',
  `{"__proto__": {"isAdmin": true}, "name": "x", "presetId": "litmos", "fields": {"apiKey": "${SECRET}"}}`,
  `{"name": "x", "presetId": "litmos", "fields": {"__proto__": {"apiKey": "${SECRET}"}}}`,
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  '{"name": "nul \\u0000 byte", "presetId": "litmos", "fields": {"apiKey": "x"}}',
  `{"name": "${SECRET}`,
];

const BAD_IDS = ['not-a-uuid', '1 OR 1=1', '..%2F..%2Fetc%2Fpasswd', '%00', "'; DROP TABLE credential; --", '00000000-0000-0000-0000-00000000000g'];

interface Route {
  method: string;
  path: string;
}

describe('hostile input against every route', () => {
  let t: TestApp;
  const logs: string[] = [];
  let writes: Route[] = [];
  let reads: Route[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false', LOG_LEVEL: 'debug' }, undefined, sink);
    const doc = (await t.api('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    writes = routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    reads = routes.filter((r) => r.method === 'GET');
  });

  afterAll(async () => {
    await t?.close();
  });

  const counts = async () => {
    const rows = await Promise.all(TABLES.map((table) => sql<{ n: string }>(t.db.url, `SELECT count(*) AS n FROM "${table}"`)));
    return Object.fromEntries(TABLES.map((table, i) => [table, Number(rows[i]?.[0]?.n)]));
  };
  const withId = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);
  const raw = async (method: string, path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.base}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}`, ...headers }, body });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const expectRefused = (res: { status: number; text: string }, what: string) => {
    expect(res.status, `${what} → ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(res.status, `${what} → ${res.text.slice(0, 200)}`).toBeLessThan(500);
    expect(res.text, what).not.toContain(SECRET);
    expect(res.text, what).not.toMatch(/\bat \S+ \(|QueryFailedError|SELECT |INSERT INTO/);
  };

  it('finds the write routes in the OpenAPI document', () => {
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/credentials', 'PATCH /api/credentials/{id}', 'POST /api/integrations', 'POST /api/temporal-codec/decode']),
    );
  });

  it('answers every bad body on every write route with a 4xx problem and stores nothing', async () => {
    const before = await counts();
    for (const route of writes) {
      const path = withId(route.path, randomUUID());
      for (const body of TYPED_CORPUS) {
        const res = await t.api(route.method, path, body);
        expectRefused(res, `${route.method} ${route.path} ${JSON.stringify(body).slice(0, 60)}`);
        expect(res.text).toContain('"code"');
      }
      for (const body of RAW_CORPUS) {
        const res = await raw(route.method, path, body);
        expectRefused(res, `${route.method} ${route.path} raw ${body.slice(0, 40)}`);
        expect(res.type, `${route.method} ${route.path} raw ${body.slice(0, 40)}`).toContain('application/problem+json');
      }
    }
    expect(await counts()).toEqual(before);
    // Nothing was polluted on the way.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('answers invalid ids on every route that takes one with 400 or 404, never 500', async () => {
    const before = await counts();
    for (const route of [...writes, ...reads].filter((r) => r.path.includes('{'))) {
      for (const id of BAD_IDS) {
        const res = await t.api(route.method, withId(route.path, id), route.method === 'GET' || route.method === 'DELETE' ? undefined : { name: 'x' });
        expectRefused(res, `${route.method} ${route.path} id ${id}`);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('bounds page numbers and query strings', async () => {
    for (const page of ['-1', '0', '1e309', '99999999999', 'NaN', '1.5', '%00']) {
      for (const path of ['/api/saas-users', '/api/people']) expectRefused(await t.api('GET', `${path}?page=${page}`), `${path} page=${page}`);
    }
    expectRefused(await t.api('GET', `/api/saas-users?q=${'x'.repeat(5_000)}`), 'huge q');
    expectRefused(await t.api('GET', `/api/saas-users?pageSize=100000`), 'huge pageSize');
  });

  it('refuses bodies that are too large (413), not JSON (415) or compressed (415), with problem JSON', async () => {
    const before = await counts();
    const huge = JSON.stringify({ name: 'x', presetId: 'litmos', fields: { apiKey: 'y'.repeat(MAX_BODY_BYTES) } });
    const cases: [string, RequestInit, number][] = [
      ['too large', { body: huge, headers: { 'content-type': 'application/json' } }, 413],
      ['form post', { body: 'name=x&presetId=litmos&fields[apiKey]=y', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
      ['text/plain', { body: '{"name":"x"}', headers: { 'content-type': 'text/plain' } }, 415],
      ['no content type', { body: '{"name":"x"}', headers: {} }, 415],
      ['latin1', { body: '{"name":"x"}', headers: { 'content-type': 'application/json; charset=latin1' } }, 415],
      ['brotli', { body: '{"name":"x"}', headers: { 'content-type': 'application/json', 'content-encoding': 'br' } }, 415],
      ['gzip', { body: '{"name":"x"}', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }, 415],
    ];
    for (const [what, init, status] of cases) {
      const res = await fetch(`${t.base}/api/credentials`, { method: 'POST', ...init, headers: { authorization: `Bearer ${t.token}`, ...init.headers } });
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toContain('application/problem+json');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses other Host names (DNS rebinding) and cross-origin writes', async () => {
    const before = await counts();
    const body = JSON.stringify({ name: 'csrf', presetId: 'litmos', fields: { apiKey: 'k'.repeat(20), source: 'x' } });
    const post = (headers: Record<string, string>) =>
      fetch(`${t.base}/api/credentials`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}`, ...headers }, body });
    expect((await post({ origin: 'https://attacker.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // The Host header cannot be set through fetch; a raw request can.
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(t.base);
      const req = http.request({ host: url.hostname, port: url.port, path: '/api/health', headers: { host: 'rebound.attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect(await counts()).toEqual(before);
    // Same-origin writes still work: the guard refuses only what it should.
    const ok = await post({ origin: t.base, 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(201);
  });

  it('sends security headers', async () => {
    for (const path of ['/api/health', '/api/no-such-thing']) {
      const res = await fetch(`${t.base}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('never wrote the secret to a log line', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(SECRET);
  });
});
