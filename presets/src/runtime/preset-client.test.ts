import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { startGithubSimulator } from '../simulators/github.simulator';
import { startLeverSimulator } from '../simulators/lever.simulator';
import { startLitmosSimulator } from '../simulators/litmos.simulator';
import { startPlanhatSimulator } from '../simulators/planhat.simulator';
import { startScimSimulator } from '../simulators/scim.simulator';
import type { SimulatorHandle, SimulatorOptions } from '../simulators/sim-common';
import { MAX_RETRY_AFTER_MS } from './classify-error';
import { createPresetClient, type PresetClientOptions } from './preset-client';

const running: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(running.map((s) => s.close())));

/** A plain HTTP server (no vendor behind it) answering every request with `reply`. */
async function plainServer(reply: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<string> {
  const server = http.createServer(reply);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  running.push({
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const plainClient = (presetId: string, url: string, credentials: Record<string, string>, extra: Partial<PresetClientOptions> = {}) =>
  createPresetClient({ presetId, baseUrl: url, credentials, allowedHosts: ['127.0.0.1'], rateLimitOverride: false, ...extra });

const STARTERS = {
  litmos: startLitmosSimulator,
  lever: startLeverSimulator,
  planhat: startPlanhatSimulator,
  scim: startScimSimulator,
  github: startGithubSimulator,
} as const;
type Vendor = keyof typeof STARTERS;

async function setup(vendor: Vendor, simOptions: SimulatorOptions, clientOptions: Partial<PresetClientOptions> = {}) {
  const sim = await STARTERS[vendor](simOptions);
  running.push(sim);
  const client = createPresetClient({
    presetId: vendor,
    baseUrl: sim.url,
    credentials: sim.credentials,
    allowedHosts: ['127.0.0.1'],
    ...clientOptions,
  });
  return { sim, client };
}

async function countAll(client: ReturnType<typeof createPresetClient>): Promise<number> {
  let n = 0;
  for await (const page of client.listUsers()) n += page.users.length;
  return n;
}

/** GitHub lists only active memberships (pending invitations are not members yet). */
function activeMembers(sim: SimulatorHandle): number {
  let n = 0;
  for (let i = 0; i < sim.state.size; i++) if (sim.state.get(sim.state.idAt(i) as string)?.state === 'active') n += 1;
  return n;
}

/** Every throttled response must be followed by a gap of at least `ms` before the next request. */
function expectWaitsAfterThrottles(sim: SimulatorHandle, ms: number): void {
  const h = sim.counters.history;
  h.forEach((call, i) => {
    const next = h[i + 1];
    if (call.throttled && next) expect(next.atMs - call.atMs).toBeGreaterThanOrEqual(ms - 5);
  });
}

describe('throttle storms complete and honour Retry-After', () => {
  const storm = { throttleRate: 0.4, retryAfterSeconds: 1 };
  const fast = { requests: 100, perMs: 1000, burst: 10 };

  it.concurrent.each([
    ['litmos', 1_500, 300],
    ['lever', 300, 40],
    ['planhat', 900, 200],
    ['scim', 300, 50],
    ['github', 300, 40],
  ] as const)('%s: a throttle storm ends with every user listed', async (vendor, users, pageSize) => {
    const { sim, client } = await setup(vendor, { users, rateLimit: false, faults: storm, seed: 7 }, { rateLimitOverride: fast, maxAttempts: 10, pageSize });
    const started = Date.now();
    const listed = await countAll(client);
    expect(listed).toBe(vendor === 'github' ? activeMembers(sim) : users);
    expect(sim.counters.throttled).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(sim.counters.throttled * 1000 - 50);
    expectWaitsAfterThrottles(sim, 1000);
  });

  it('litmos storm is signalled by 503 "rating limit exceeded", not 429', async () => {
    const { sim, client } = await setup('litmos', { users: 50, rateLimit: false, faults: { throttleRate: 1, retryAfterSeconds: 0 } }, { rateLimitOverride: false, maxAttempts: 3 });
    const error = await client.listUsersPage().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorRateLimited, status: 503, retryable: true });
    expect(sim.counters.byStatus.get(503)).toBe(3);
    expect(sim.counters.byStatus.get(429)).toBeUndefined();
  });

  it('gives up after maxAttempts throttles with VENDOR_RATE_LIMITED carrying retryAfterMs', async () => {
    const { sim, client } = await setup('lever', { users: 10, rateLimit: false, faults: { throttleRate: 1, retryAfterSeconds: 0 } }, { rateLimitOverride: false, maxAttempts: 3 });
    await expect(client.testCredentials()).rejects.toMatchObject({ code: ErrorCode.VendorRateLimited, status: 429, retryAfterMs: 0 });
    expect(sim.counters.total).toBe(3);
  });
});

describe('pacing at the vendor limit', () => {
  it('paces a Litmos-style rolling window so no request is throttled', async () => {
    // 5 requests per rolling second on both sides; 14 requests: pages of 10 overlapping by one
    // (starts 0, 9, …, 108) plus the closing page that brings no new user.
    const { sim, client } = await setup('litmos', { users: 115, rateLimit: { kind: 'rolling', limit: 5, windowMs: 1000 } }, { rateLimitOverride: { requests: 5, perMs: 1000 }, pageSize: 10 });
    const started = Date.now();
    expect(await countAll(client)).toBe(115);
    expect(sim.counters.total).toBe(14);
    expect(sim.counters.throttled).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(13 * 200);
  });

  it('without pacing the same simulator throttles with 503 (the limit is real)', async () => {
    const { sim, client } = await setup('litmos', { users: 115, rateLimit: { kind: 'rolling', limit: 5, windowMs: 1000 } }, { rateLimitOverride: false, pageSize: 10, maxAttempts: 1 });
    await expect(countAll(client)).rejects.toMatchObject({ code: ErrorCode.VendorRateLimited, status: 503 });
    expect(sim.counters.throttled).toBe(1);
    expect(sim.counters.total).toBe(6);
  });

  it('shares one limiter between clients of the same credential', async () => {
    const { sim } = await setup('lever', { users: 20, rateLimit: { kind: 'tokenBucket', ratePerSecond: 10, burst: 2 } });
    const make = () =>
      createPresetClient({ presetId: 'lever', baseUrl: sim.url, credentials: sim.credentials, allowedHosts: ['127.0.0.1'] });
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => make().testCredentials()));
    expect(sim.counters.throttled).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(7 * 100 - 20);
  });

  it.concurrent('stops when GitHub reports x-ratelimit-remaining 0 and resumes after the reset', async () => {
    const { sim, client } = await setup('github', { users: 55, rateLimit: { kind: 'fixed', limit: 4, windowMs: 1000 } }, { rateLimitOverride: { requests: 1000, perMs: 1000, burst: 100 }, pageSize: 10 });
    expect(await countAll(client)).toBe(activeMembers(sim));
    expect(sim.counters.total).toBeGreaterThan(4);
    expect(sim.counters.throttled).toBe(0);
  });

  it.concurrent('waits for the reset after a GitHub 403 with remaining 0', async () => {
    const { sim, client } = await setup('github', { users: 55, rateLimit: { kind: 'fixed', limit: 4, windowMs: 1000 } }, { rateLimitOverride: false, pageSize: 10 });
    expect(await countAll(client)).toBe(activeMembers(sim));
    expect(sim.counters.byStatus.get(403)).toBeGreaterThan(0);
    // The 403 carries x-ratelimit-reset; the next request must not come before that second.
    expectWaitsAfterThrottles(sim, 1);
    const h = sim.counters.history;
    const i = h.findIndex((c) => c.throttled);
    expect(Math.floor((h[i + 1]?.atMs ?? 0) / 1000)).toBeGreaterThanOrEqual(Math.ceil(((h[i]?.atMs ?? 0) + 1) / 1000));
  });
});

describe('transient failures, timeouts and logs', () => {
  it('retries GETs after 500s and truncated JSON, then completes', async () => {
    const { sim, client } = await setup('planhat', { users: 300, rateLimit: false, faults: { errorRate: 0.25, malformedRate: 0.2 }, seed: 3 }, { rateLimitOverride: false, pageSize: 50, transientRetries: 6 });
    expect(await countAll(client)).toBe(300);
    expect(sim.counters.byStatus.get(500)).toBeGreaterThan(0);
    // More requests than pages: some answers were truncated or failed and were retried.
    expect(sim.counters.total).toBeGreaterThan(Math.ceil(300 / 50));
  });

  it('does not retry a write after a 500 (the activity decides), and says it is retryable', async () => {
    const { sim, client } = await setup('scim', { users: 5, rateLimit: false, faults: { errorRate: 1 } }, { rateLimitOverride: false });
    const id = sim.state.idAt(1) as string;
    await expect(client.deactivateUser?.(id)).rejects.toMatchObject({ code: ErrorCode.VendorServerError, retryable: true, status: 500 });
    expect(sim.counters.total).toBe(1);
  });

  it('reports a malformed body as VENDOR_MALFORMED_RESPONSE when retries run out', async () => {
    const { client } = await setup('lever', { users: 5, rateLimit: false, faults: { malformedRate: 1 } }, { rateLimitOverride: false, transientRetries: 0 });
    await expect(client.listUsersPage()).rejects.toMatchObject({ code: ErrorCode.VendorMalformedResponse, retryable: true });
  });

  it('reports Litmos XML (no format=json) as malformed rather than guessing', async () => {
    const sim = await startLitmosSimulator({ users: 3, rateLimit: false });
    running.push(sim);
    const res = await fetch(`${sim.url}/users?source=x`, { headers: { apikey: sim.credentials.apiKey as string } });
    expect(res.headers.get('content-type')).toContain('xml');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml .*<Users><User><Id>/);
    // The client is handed exactly that body (a gateway dropping format=json would do this).
    const url = await plainServer((_req, out) => out.writeHead(200, { 'Content-Type': 'application/xml' }).end(xml));
    const client = plainClient('litmos', url, { apiKey: 'xml-test-key' }, { transientRetries: 0 });
    await expect(client.listUsersPage()).rejects.toMatchObject({
      code: ErrorCode.VendorMalformedResponse,
      message: expect.stringContaining('not JSON'),
    });
  });

  it('caps a huge Retry-After at MAX_RETRY_AFTER_MS and says so in the error and the log', async () => {
    let hits = 0;
    const url = await plainServer((_req, out) => {
      hits += 1;
      // 2^31 s: as milliseconds far past what setTimeout can hold (it would fire after 1 ms).
      out.writeHead(429, { 'Retry-After': String(2 ** 31), 'Content-Type': 'application/json' }).end('{"message":"slow down"}');
    });
    const lines: string[] = [];
    const client = plainClient('lever', url, { apiKey: 'retry-after-key' }, { maxAttempts: 1, logger: { warn: (m) => lines.push(m) } });
    const error = await client.testCredentials().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorRateLimited, retryAfterMs: MAX_RETRY_AFTER_MS, retryAfterCapped: true });
    expect((error as Error).message).toContain(`capped at ${MAX_RETRY_AFTER_MS / 1000} s`);
    expect(hits).toBe(1);
    expect(lines).toEqual([]);
  });

  it('logs the capped wait when it retries after a huge Retry-After', async () => {
    let hits = 0;
    const url = await plainServer((_req, out) => {
      hits += 1;
      if (hits === 1) out.writeHead(429, { 'Retry-After': '99999999999' }).end();
      else out.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[],"hasNext":false}');
    });
    const lines: string[] = [];
    const limiter = { acquire: async () => undefined, pauseUntil: (at: number) => lines.push(`pause ${at - Date.now()}`) };
    const client = plainClient('lever', url, { apiKey: 'retry-after-key' }, { limiter, logger: { warn: (m) => lines.push(m) } });
    await expect(client.testCredentials()).resolves.toEqual({ ok: true });
    expect(lines.find((l) => l.includes('throttled'))).toContain(`Retry-After was capped at ${MAX_RETRY_AFTER_MS / 1000} s`);
    const paused = Number(lines.find((l) => l.startsWith('pause'))?.slice(6));
    expect(paused).toBeGreaterThan(MAX_RETRY_AFTER_MS - 1000);
    expect(paused).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
  });

  it('times out slow vendors with VENDOR_TIMEOUT', async () => {
    const { client } = await setup('lever', { users: 5, rateLimit: false, faults: { latencyMs: 400 } }, { rateLimitOverride: false, timeoutMs: 100, transientRetries: 0 });
    await expect(client.testCredentials()).rejects.toMatchObject({ code: ErrorCode.VendorTimeout, retryable: true });
  });

  it('logs requests and throttles without any secret', async () => {
    const lines: string[] = [];
    const logger = { debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const { sim, client } = await setup('litmos', { users: 30, rateLimit: false, faults: { throttleRate: 0.5, retryAfterSeconds: 0 }, seed: 9 }, { rateLimitOverride: false, logger, maxAttempts: 20, pageSize: 10 });
    await countAll(client);
    expect(lines.some((l) => l.includes('throttled'))).toBe(true);
    expect(lines.some((l) => l.includes('GET /v1.svc/users/details'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(sim.credentials.apiKey);
  });

  it('fails fast on a missing required credential field', () => {
    expect(() => createPresetClient({ presetId: 'github', credentials: { token: 'only-a-token' }, allowedHosts: [] })).toThrow(
      expect.objectContaining({ code: ErrorCode.ConfigInvalid, message: expect.stringContaining('Organization') }),
    );
  });
});

describe('credential test', () => {
  it('fails when a plain web server answers 200 with HTML instead of the vendor API', async () => {
    const url = await plainServer((_req, out) => out.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Welcome</title>'));
    const client = plainClient('litmos', `${url}/v1.svc`, { apiKey: 'html-test-key' });
    const error = await client.testCredentials().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorMalformedResponse, retryable: false, status: 200 });
    expect((error as Error).message).toBe(`The server at ${url}/v1.svc answered, but not like the SAP Litmos API: check the base URL.`);
  });

  it('fails on JSON that is not the preset\'s user list, and passes on the real shape', async () => {
    const bodies = ['{"status":"ok"}', '[{"name":"not a Litmos user"}]', '[{"Id":"a1","UserName":"x","Active":true}]'];
    let i = 0;
    const url = await plainServer((_req, out) => out.writeHead(200, { 'Content-Type': 'application/json' }).end(bodies[i++]));
    const client = plainClient('litmos', url, { apiKey: 'shape-test-key' });
    await expect(client.testCredentials()).rejects.toMatchObject({ code: ErrorCode.VendorMalformedResponse });
    await expect(client.testCredentials()).rejects.toMatchObject({ code: ErrorCode.VendorMalformedResponse });
    await expect(client.testCredentials()).resolves.toEqual({ ok: true });
  });

  it('reads the list where the listing does (SCIM Resources)', async () => {
    const { client } = await setup('scim', { users: 3, rateLimit: false }, { rateLimitOverride: false });
    await expect(client.testCredentials()).resolves.toEqual({ ok: true });
    const url = await plainServer((_req, out) => out.writeHead(200, { 'Content-Type': 'application/json' }).end('{"totalResults":1}'));
    await expect(plainClient('scim', url, { token: 'scim-shape-token' }).testCredentials()).rejects.toMatchObject({
      message: expect.stringContaining('not like the SCIM 2.0 API'),
    });
  });
});
