/**
 * Every test app boots with this admin (ROLECALL_ADMIN_EMAIL/PASSWORD), and the helpers call the
 * API with an admin API token created through the real sign-in, so tests of other features keep
 * exercising the whole stack, auth included.
 */
export const TEST_ADMIN = { email: 'admin@rolecall.test', password: 'correct horse battery staple' } as const;

export const TEST_ADMIN_ENV = { ROLECALL_ADMIN_EMAIL: TEST_ADMIN.email, ROLECALL_ADMIN_PASSWORD: TEST_ADMIN.password } as const;

/** Name of the helpers' token; audit rows of test calls name `${TEST_TOKEN_NAME} (${TEST_ADMIN.email})`. */
export const TEST_TOKEN_NAME = 'test suite';
export const TEST_ACTOR_NAME = `${TEST_TOKEN_NAME} (${TEST_ADMIN.email})`;

/** A browser-like session: the cookies to send and the CSRF token writes need. */
export interface TestSession {
  cookie: string;
  csrf: string;
}

/** Signs in through POST /api/auth/login and returns the session cookies (fails loudly otherwise). */
export async function signIn(base: string, email: string = TEST_ADMIN.email, password: string = TEST_ADMIN.password): Promise<TestSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('rolecall_csrf='))?.slice('rolecall_csrf='.length);
  if (!csrf) throw new Error('sign-in set no rolecall_csrf cookie');
  return { cookie: cookies.join('; '), csrf: decodeURIComponent(csrf) };
}

/** Headers of a cookie-authenticated request (writes carry the CSRF header). */
export const sessionHeaders = (s: TestSession): Record<string, string> => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/** Signs in as the test admin and creates the admin API token the helpers send as a bearer. */
export async function adminToken(base: string): Promise<string> {
  const session = await signIn(base);
  const res = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sessionHeaders(session) },
    body: JSON.stringify({ name: TEST_TOKEN_NAME, role: 'admin', expiresInDays: 1 }),
  });
  if (res.status !== 201) throw new Error(`creating the test token answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
