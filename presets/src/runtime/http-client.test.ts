import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { startLitmosSimulator } from '../simulators/litmos.simulator';
import { github } from '../vendors/github';
import { litmos } from '../vendors/litmos';
import { scim } from '../vendors/scim';
import { parseAllowedHosts, resolveTarget } from './http-client';
import { createPresetClient } from './preset-client';
import { isPublicAddress } from './public-address';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A bare server answering every request with `reply`, counting hits. */
async function rawServer(reply: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const hits = { n: 0 };
  const server = http.createServer((req, res) => {
    hits.n += 1;
    reply(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  );
  return { port: (server.address() as AddressInfo).port, hits };
}

const hostNotAllowed = expect.objectContaining({ code: ErrorCode.HostNotAllowed });

describe('SSRF guard: base URLs', () => {
  it('uses the preset region by default and accepts the preset’s own hosts as overrides', () => {
    expect(resolveTarget({ preset: litmos, allowedHosts: [] }).baseUrl.href).toBe('https://api.litmos.com/v1.svc');
    expect(resolveTarget({ preset: litmos, region: 'au', allowedHosts: [] }).baseUrl.host).toBe('api.litmos.com.au');
    // Preset hosts too must resolve to public addresses; only allow-listed hosts skip that check.
    expect(resolveTarget({ preset: litmos, baseUrl: 'https://api.litmoseu.com/v1.svc', allowedHosts: [] }).publicOnly).toBe(true);
  });

  it('refuses other hosts unless allow-listed (ROLECALL_ALLOWED_HOSTS)', () => {
    expect(() => resolveTarget({ preset: litmos, baseUrl: 'http://127.0.0.1:4101/v1.svc', allowedHosts: [] })).toThrow(hostNotAllowed);
    expect(() => resolveTarget({ preset: litmos, baseUrl: 'https://evil.example/v1.svc', allowedHosts: ['127.0.0.1'] })).toThrow(hostNotAllowed);
    expect(() => resolveTarget({ preset: litmos, baseUrl: 'http://api.litmos.com/v1.svc', allowedHosts: [] })).toThrow(hostNotAllowed);
    expect(() => resolveTarget({ preset: litmos, baseUrl: 'file:///etc/passwd', allowedHosts: [] })).toThrow(hostNotAllowed);
    const allowed = resolveTarget({ preset: litmos, baseUrl: 'http://127.0.0.1:4101/v1.svc', allowedHosts: parseAllowedHosts('localhost, 127.0.0.1') });
    expect(allowed.baseUrl.port).toBe('4101');
  });

  it('lets admin-typed base URLs (SCIM, GHES) reach public https hosts only', () => {
    expect(resolveTarget({ preset: scim, baseUrl: 'https://scim.vendor.example/v2', allowedHosts: [] })).toMatchObject({ publicOnly: true });
    expect(() => resolveTarget({ preset: scim, baseUrl: 'http://scim.vendor.example/v2', allowedHosts: [] })).toThrow(hostNotAllowed);
    expect(() => resolveTarget({ preset: scim, baseUrl: 'https://10.1.2.3/scim', allowedHosts: [] })).toThrow(hostNotAllowed);
    expect(() => resolveTarget({ preset: scim, baseUrl: 'https://169.254.169.254/latest', allowedHosts: [] })).toThrow(hostNotAllowed);
    expect(() => resolveTarget({ preset: github, baseUrl: 'https://localhost/api/v3', allowedHosts: [] })).toThrow(hostNotAllowed);
    expect(() => resolveTarget({ preset: scim, baseUrl: 'https://[::1]/scim', allowedHosts: [] })).toThrow(hostNotAllowed);
  });

  it('refuses IPv4-mapped IPv6 hosts in the form the URL parser writes them', () => {
    for (const host of ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::ffff:10.1.2.3]', '[::ffff:a9fe:a9fe]']) {
      // The parser turns every one of these into hex (e.g. [::ffff:7f00:1]) before we see it.
      expect(new URL(`https://${host}/`).hostname, host).toMatch(/^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/);
      expect(() => resolveTarget({ preset: scim, baseUrl: `https://${host}/scim`, allowedHosts: [] }), host).toThrow(hostNotAllowed);
    }
    expect(resolveTarget({ preset: scim, baseUrl: 'https://[::ffff:808:808]/scim', allowedHosts: [] })).toMatchObject({ publicOnly: true });
  });

  it('classifies addresses', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.16.5.5', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:c0a8:101']) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    for (const ip of ['8.8.8.8', '140.82.112.3', '2606:4700::1111', '::ffff:808:808']) expect(isPublicAddress(ip), ip).toBe(true);
  });

  it('refuses a simulator base URL that is not allow-listed before sending anything', async () => {
    const sim = await startLitmosSimulator({ users: 5, rateLimit: false });
    closers.push(() => sim.close());
    expect(() => createPresetClient({ presetId: 'litmos', baseUrl: sim.url, credentials: sim.credentials, allowedHosts: [] })).toThrow(
      hostNotAllowed,
    );
    expect(sim.counters.total).toBe(0);
  });
});

describe('SSRF guard: redirects and next links', () => {
  it('does not follow a redirect to another host', async () => {
    const target = await rawServer((_req, res) => res.end('[]'));
    const origin = await rawServer((_req, res) => {
      res.writeHead(302, { Location: `http://localhost:${target.port}/v1.svc/users` }).end();
    });
    const client = createPresetClient({
      presetId: 'litmos',
      baseUrl: `http://127.0.0.1:${origin.port}/v1.svc`,
      credentials: { apiKey: 'redirect-test-key' },
      allowedHosts: ['127.0.0.1', 'localhost'],
      rateLimitOverride: false,
    });
    await expect(client.testCredentials()).rejects.toThrow(hostNotAllowed);
    expect(origin.hits.n).toBe(1);
    expect(target.hits.n).toBe(0);
  });

  it('follows a same-origin redirect for GETs', async () => {
    const server = await rawServer((req, res) => {
      if (req.url?.startsWith('/old')) res.writeHead(301, { Location: '/v1.svc/users/details?start=0&limit=1000' }).end();
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
    });
    const client = createPresetClient({
      presetId: 'litmos',
      baseUrl: `http://127.0.0.1:${server.port}/old`,
      credentials: { apiKey: 'redirect-test-key' },
      allowedHosts: ['127.0.0.1'],
      rateLimitOverride: false,
    });
    await expect(client.listUsersPage()).resolves.toEqual({ users: [] });
    expect(server.hits.n).toBe(2);
  });

  it('refuses a Link next page on another host, and a cursor that names one', async () => {
    const server = await rawServer((_req, res) => {
      res
        .writeHead(200, { 'Content-Type': 'application/json', Link: '<http://169.254.169.254/orgs/o/members?page=2>; rel="next"' })
        .end('[{"login":"a","id":1}]');
    });
    const client = createPresetClient({
      presetId: 'github',
      baseUrl: `http://127.0.0.1:${server.port}`,
      credentials: { token: 'link-test-token', org: 'o' },
      allowedHosts: ['127.0.0.1'],
      rateLimitOverride: false,
    });
    await expect(client.listUsersPage()).rejects.toThrow(hostNotAllowed);
    // `1:` = the members phase of GitHub's role-filtered listing.
    await expect(client.listUsersPage('1://169.254.169.254/latest/meta-data')).rejects.toThrow(hostNotAllowed);
    expect(server.hits.n).toBe(1);
  });
});
