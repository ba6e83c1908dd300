import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURES_PER_ADDRESS } from '../src/auth/sign-in-throttle';
import { startTestApp, type TestApp } from './support/rolecall-app';
import { TEST_ADMIN } from './support/test-admin';

let direct: TestApp;
let proxied: TestApp;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false' }),
    startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false', ROLECALL_TRUST_PROXY: 'loopback' }),
  ]);
});

afterAll(async () => {
  await Promise.all([direct?.close(), proxied?.close()]);
});

const login = (app: TestApp, password: string, forwarded: Record<string, string>, email: string = TEST_ADMIN.email) =>
  fetch(`${app.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...forwarded },
    body: JSON.stringify({ email, password }),
  });

describe('behind a reverse proxy (ROLECALL_TRUST_PROXY)', () => {
  it('marks session cookies Secure when the trusted proxy says the client used https', async () => {
    const viaProxy = await login(proxied, TEST_ADMIN.password, { 'x-forwarded-proto': 'https' });
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.headers.getSetCookie().every((c) => /;\s*Secure/i.test(c))).toBe(true);

    // Without a trusted proxy the header is a client's claim and changes nothing.
    const claimed = await login(direct, TEST_ADMIN.password, { 'x-forwarded-proto': 'https' });
    expect(claimed.status).toBe(200);
    expect(claimed.headers.getSetCookie().some((c) => /;\s*Secure/i.test(c))).toBe(false);
  });

  it('throttles failed sign-ins per client address, not per proxy, across API processes', async () => {
    const guesser = { 'x-forwarded-for': '203.0.113.7' };
    // Guesses spread over unknown accounts, so no account lockout steps in before the address throttle.
    const guess = (i: number) => login(proxied, 'not the password', guesser, `guess-${i}@rolecall.test`);
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) expect((await guess(i)).status).toBe(401);
    const refused = await guess(FAILURES_PER_ADDRESS);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/too many failed sign-ins from this address; try again in 10 minutes/);
    // Another client behind the same proxy still signs in.
    expect((await login(proxied, TEST_ADMIN.password, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);

    // The count lives in the database: a second API process (or a restart) refuses the guesser too.
    const second = await startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false', ROLECALL_TRUST_PROXY: 'loopback', DATABASE_URL: proxied.db.url });
    try {
      expect((await login(second, 'not the password', guesser, 'guess-again@rolecall.test')).status).toBe(429);
      expect((await login(second, TEST_ADMIN.password, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
