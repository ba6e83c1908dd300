import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { REDACTED } from '../errors/redact';
import { createHttpClient, MAX_RESPONSE_BYTES } from './http-client';
import { createPresetClient } from './preset-client';
import { isPublicAddress, publicOnlyLookup } from './public-address';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** An HTTP server on 127.0.0.1 that counts TCP connections (not just requests) and answers `reply`. */
async function countingServer(reply: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, r) => r.end('[]')) {
  const server = http.createServer(reply);
  const counts = { connections: 0 };
  server.on('connection', () => (counts.connections += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  );
  return { port: (server.address() as AddressInfo).port, counts };
}

const hostNotAllowed = expect.objectContaining({ code: ErrorCode.HostNotAllowed });

/** Every spelling of an internal address an attacker might type as a SCIM / GHES base URL host. */
const INTERNAL_HOSTS = [
  '127.0.0.1',
  '0x7f.1', // the URL parser reads hex and short forms as 127.0.0.1
  '2130706433',
  '0.0.0.0',
  '10.0.0.8',
  '100.64.0.1',
  '169.254.169.254',
  '[::1]',
  '[::]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[::7f00:1]', // IPv4-compatible (deprecated ::/96)
  '[64:ff9b::7f00:1]', // NAT64
  '[64:ff9b:1::a00:1]', // local-use NAT64
  '[fec0::1]', // site-local
  '[fd00:ec2::254]', // unique-local (AWS IMDS over IPv6)
  '[fe80::1]',
  '[2002:7f00:1::]', // 6to4 of 127.0.0.1
  'localhost',
  'metadata.localhost',
];

describe('SSRF guard holds for every form of an internal address', () => {
  it('classifies addresses with ipaddr.js, public unicast only', () => {
    const internal = [
      '127.0.0.1', '10.0.0.1', '172.16.5.5', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '198.18.0.1', '240.0.0.1',
      '::1', '::', 'fd00::1', 'fe80::1', 'fec0::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::7f00:1', '::127.0.0.1',
      '64:ff9b::7f00:1', '64:ff9b::8.8.8.8', '64:ff9b:1::1', '2002:7f00:1::', '2001:db8::1', 'ff02::1', 'not-an-ip',
    ];
    for (const ip of internal) expect(isPublicAddress(ip), ip).toBe(false);
    for (const ip of ['8.8.8.8', '140.82.112.3', '2606:4700::1111', '::ffff:808:808', '2a00:1450:4001::200e']) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it('refuses each internal base URL host before any TCP connection is made', async () => {
    const server = await countingServer();
    for (const host of INTERNAL_HOSTS) {
      for (const presetId of ['scim', 'github']) {
        const make = () =>
          createPresetClient({
            presetId,
            baseUrl: `https://${host}:${server.port}/scim`,
            credentials: { token: 'ssrf-test-token', org: 'o' },
            allowedHosts: [],
            rateLimitOverride: false,
          });
        expect(make, `${presetId} ${host}`).toThrow(hostNotAllowed);
      }
    }
    expect(server.counts.connections).toBe(0);
  });

  it('refuses a host whose DNS answer is internal, at connect time, without connecting', async () => {
    const server = await countingServer();
    const client = createHttpClient({ timeoutMs: 2_000, publicOnly: true });
    await expect(client.get(`http://localhost:${server.port}/`)).rejects.toMatchObject({ code: 'ERR_HOST_NOT_ALLOWED' });
    // Literal addresses never go through the lookup; the client refuses those itself.
    for (const host of ['127.0.0.1', '[::ffff:7f00:1]']) {
      await expect(client.get(`http://${host}:${server.port}/`), host).rejects.toMatchObject({ code: 'ERR_HOST_NOT_ALLOWED' });
    }
    expect(server.counts.connections).toBe(0);
    // The control: the same server is reachable when nothing guards it, so a zero above means refused.
    await createHttpClient({ timeoutMs: 2_000, publicOnly: false }).get(`http://localhost:${server.port}/`);
    expect(server.counts.connections).toBe(1);
  });

  it('hands the socket only addresses it checked', async () => {
    const lookup = (host: string, all: boolean) =>
      new Promise<unknown>((resolve, reject) =>
        publicOnlyLookup(host, { all }, (err, address) => (err ? reject(err) : resolve(address))),
      );
    await expect(lookup('localhost', true)).rejects.toMatchObject({ code: 'ERR_HOST_NOT_ALLOWED' });
    await expect(lookup('localhost', false)).rejects.toMatchObject({ code: 'ERR_HOST_NOT_ALLOWED' });
  });

  it('refuses redirect and next-page targets on internal addresses without connecting to them', async () => {
    const victim = await countingServer();
    const origin = await countingServer((req, res) => {
      if (req.url?.startsWith('/redirect')) res.writeHead(302, { Location: `http://[::ffff:7f00:1]:${victim.port}/` }).end();
      else {
        res
          .writeHead(200, { 'Content-Type': 'application/json', Link: `<http://127.0.0.1:${victim.port}/orgs/o/members?page=2>; rel="next"` })
          .end('[{"login":"a","id":1}]');
      }
    });
    const github = createPresetClient({
      presetId: 'github',
      baseUrl: `http://localhost:${origin.port}`,
      credentials: { token: 'ssrf-test-token', org: 'o' },
      allowedHosts: ['localhost'],
      rateLimitOverride: false,
    });
    await expect(github.listUsersPage()).rejects.toThrow(hostNotAllowed);
    const redirected = createPresetClient({
      presetId: 'litmos',
      baseUrl: `http://localhost:${origin.port}/redirect`,
      credentials: { apiKey: 'ssrf-test-key' },
      allowedHosts: ['localhost'],
      rateLimitOverride: false,
    });
    await expect(redirected.testCredentials()).rejects.toThrow(hostNotAllowed);
    expect(victim.counts.connections).toBe(0);
  });

  it('still reaches an allow-listed internal host (ROLECALL_ALLOWED_HOSTS)', async () => {
    const server = await countingServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]'));
    const client = createPresetClient({
      presetId: 'litmos',
      baseUrl: `http://127.0.0.1:${server.port}/v1.svc`,
      credentials: { apiKey: 'ssrf-test-key' },
      allowedHosts: ['127.0.0.1'],
      rateLimitOverride: false,
    });
    await expect(client.listUsersPage()).resolves.toEqual({ users: [] });
    expect(server.counts.connections).toBe(1);
  });
});

describe('vendor responses are bounded', () => {
  it('times out a vendor that trickles its body, however often it sends a byte', async () => {
    const server = await countingServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      const tick = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(tick));
    });
    const client = createPresetClient({
      presetId: 'litmos',
      baseUrl: `http://127.0.0.1:${server.port}/v1.svc`,
      credentials: { apiKey: 'ssrf-test-key' },
      allowedHosts: ['127.0.0.1'],
      rateLimitOverride: false,
      transientRetries: 0,
      timeoutMs: 400,
    });
    const started = Date.now();
    await expect(client.listUsersPage()).rejects.toMatchObject({ code: ErrorCode.VendorTimeout });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it(`refuses a body larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`, async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const server = await countingServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i <= MAX_RESPONSE_BYTES / chunk.length; i++) res.write(chunk);
      res.end();
    });
    const client = createPresetClient({
      presetId: 'litmos',
      baseUrl: `http://127.0.0.1:${server.port}/v1.svc`,
      credentials: { apiKey: 'ssrf-test-key' },
      allowedHosts: ['127.0.0.1'],
      rateLimitOverride: false,
      transientRetries: 0,
    });
    await expect(client.listUsersPage()).rejects.toMatchObject({ code: ErrorCode.VendorMalformedResponse });
  });
});

describe('secrets do not leak through vendor error echoes', () => {
  it('redacts a long secret before the message is cut, and its URL-encoded and base64 echoes', async () => {
    const secret = `k/${'x'.repeat(400)}+y=`;
    const echoes = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
    const server = await countingServer((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ Message: echoes.join(' | ') }));
    });
    const client = createPresetClient({
      presetId: 'litmos',
      baseUrl: `http://127.0.0.1:${server.port}/v1.svc`,
      credentials: { apiKey: secret },
      allowedHosts: ['127.0.0.1'],
      rateLimitOverride: false,
    });
    const error = (await client.testCredentials().catch((e: unknown) => e)) as Error & { vendorMessage?: string };
    expect(error.message).toContain(REDACTED);
    const out = JSON.stringify(error) + error.message;
    // Any 16-character run of a spelling would be a leak (the cut used to keep the first 300).
    for (const echo of echoes) expect(out, echo.slice(0, 20)).not.toContain(echo.slice(0, 16));
    expect(out).not.toContain('xxxxxxxxxxxxxxxx');
  });
});

