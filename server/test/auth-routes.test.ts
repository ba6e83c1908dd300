import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_METADATA, type Access } from '../src/auth/access.decorator';
import { startTestApp, type TestApp } from './support/rolecall-app';
import { sessionHeaders, signIn } from './support/test-admin';

/** Routes anyone may call; any other route answering an anonymous caller fails this file. */
const PUBLIC_ROUTES = ['POST /api/auth/login', 'GET /api/health'];

type Layer = { route?: { path: string; methods: Record<string, boolean> } };

let t: TestApp;
let routes: string[];
let access: Map<string, Access>;
const tokens: Record<'viewer' | 'editor', string> = { viewer: '', editor: '' };

/**
 * `METHOD /api/a/:id` for every route Express serves under /api. Left out: the OpenAPI UI (static
 * docs) and `/api/{*path}`, which is the request logger's middleware mounted for every method.
 */
function expressRoutes(app: TestApp['app']): string[] {
  const stack = (app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router.stack;
  return stack
    .filter((l) => l.route?.path.startsWith('/api/') && !l.route.path.startsWith('/api/docs') && l.route.path !== '/api/{*path}')
    .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`));
}

/** The same routes as Nest declares them, with the access each declares. */
function declaredAccess(app: TestApp['app']): Map<string, Access> {
  const reflector = app.get(Reflector);
  const scanner = app.get(MetadataScanner);
  const found = new Map<string, Access>();
  for (const { metatype, instance } of app.get(DiscoveryService).getControllers()) {
    if (!metatype || !instance) continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, () => unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name]!;
      if (!Reflect.hasMetadata(PATH_METADATA, handler)) continue;
      const path = ['api', base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/');
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      found.set(`${method} /${path.replace(/\/+/g, '/')}`, reflector.getAllAndOverride<Access>(ACCESS_METADATA, [handler, metatype]));
    }
  }
  return found;
}

async function call(route: string, headers: Record<string, string> = {}) {
  const [method, path] = route.split(' ') as [string, string];
  const url = path.replace(/:[A-Za-z]+/g, randomUUID());
  const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
  const res = await fetch(`${t.base}${url}`, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body });
  return { status: res.status, body: (await res.text()) };
}

async function tokenFor(role: 'viewer' | 'editor'): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@rolecall.test`;
  const password = `${role} password long enough`;
  expect((await t.api('POST', '/api/users', { email, role, password })).status).toBe(201);
  const session = await signIn(t.base, email, password);
  const res = await fetch(`${t.base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sessionHeaders(session) },
    body: JSON.stringify({ name: `${role} token`, role }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  t = await startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false' });
  routes = expressRoutes(t.app);
  access = declaredAccess(t.app);
  tokens.viewer = await tokenFor('viewer');
  tokens.editor = await tokenFor('editor');
});

afterAll(async () => {
  await t?.close();
});

describe('the route table (every route Express serves)', () => {
  it('is the set of routes Nest declares, and each declares its access', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect([...routes].sort()).toEqual([...access.keys()].sort());
    expect([...access].filter(([, a]) => a === undefined).map(([r]) => r)).toEqual([]);
  });

  it('makes public exactly the sign-in and the health probe', () => {
    expect([...access].filter(([, a]) => a === 'public').map(([r]) => r).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('refuses an anonymous caller on every other route with 401', async () => {
    const answered = await Promise.all(routes.filter((r) => !PUBLIC_ROUTES.includes(r)).map(async (r) => [r, (await call(r)).status] as const));
    expect(answered.filter(([, status]) => status !== 401)).toEqual([]);
  });

  it('refuses a revoked or made-up bearer token on every other route with 401', async () => {
    const answered = await Promise.all(
      routes.filter((r) => !PUBLIC_ROUTES.includes(r)).map(async (r) => [r, (await call(r, { authorization: `Bearer rcat_${randomUUID()}` })).status] as const),
    );
    expect(answered.filter(([, status]) => status !== 401)).toEqual([]);
  });

  it('refuses a viewer on every editor and admin route, and an editor on every admin route, with 403', async () => {
    const checks = routes.flatMap((r) => {
      const required = access.get(r);
      if (required === 'admin') return [[r, 'viewer'], [r, 'editor']] as const;
      if (required === 'editor') return [[r, 'viewer']] as const;
      return [];
    });
    expect(checks.length).toBeGreaterThan(15);
    const answered = await Promise.all(checks.map(async ([r, role]) => [r, role, (await call(r, { authorization: `Bearer ${tokens[role]}` })).status] as const));
    expect(answered.filter(([, , status]) => status !== 403)).toEqual([]);
  });

  it('lets a viewer read: viewer routes never answer 401 or 403 to a viewer', async () => {
    const reads = routes.filter((r) => access.get(r) === 'viewer' && r.startsWith('GET '));
    expect(reads.length).toBeGreaterThan(5);
    const answered = await Promise.all(reads.map(async (r) => [r, (await call(r, { authorization: `Bearer ${tokens.viewer}` })).status] as const));
    expect(answered.filter(([, status]) => status === 401 || status === 403)).toEqual([]);
  });
});
