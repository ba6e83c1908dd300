import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/rolecall-app';
import { sessionHeaders, signIn, TEST_ADMIN, type TestSession } from './support/test-admin';
import { sql } from './support/vault-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false' });
});

afterAll(async () => {
  await t?.close();
});

const unique = (what: string) => `${what}-${randomUUID().slice(0, 8)}@rolecall.test`;
const PASSWORD = 'a long enough password';

/** A request with the given headers (session cookies, bearer); JSON body when given. */
async function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${t.base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as any) : undefined, headers: res.headers };
}

async function newUser(role: 'viewer' | 'editor' | 'admin', password = PASSWORD): Promise<{ id: string; email: string }> {
  const email = unique(role);
  const res = await t.api('POST', '/api/users', { email, role, password });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id, email };
}

const login = (email: string, password: string) => send('POST', '/api/auth/login', {}, { email, password });

async function audit(query: string): Promise<any[]> {
  const res = await t.api('GET', `/api/audit?${query}&pageSize=500`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie, and /api/me names the user', async () => {
    const res = await login(TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ email: TEST_ADMIN.email, role: 'admin', via: 'session' });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('rolecall_session='))!;
    const csrf = cookies.find((c) => c.startsWith('rolecall_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i); // plain http here; https requests get Secure
    expect(csrf).not.toMatch(/HttpOnly/i);
    const me = await send('GET', '/api/me', { cookie: cookies.map((c) => c.split(';')[0]).join('; ') });
    expect(me.json).toMatchObject({ email: TEST_ADMIN.email, role: 'admin' });
  });

  it('answers a wrong password and an unknown email alike, and audits both', async () => {
    const user = await newUser('viewer');
    const wrong = await login(user.email, 'not the password');
    const unknown = await login(unique('nobody'), 'not the password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json.message).toBe(unknown.json.message);
    const failed = await audit('action=auth.sign_in_failed');
    expect(failed.map((e) => e.details.reason)).toEqual(expect.arrayContaining(['wrong password', 'unknown email']));
    expect(failed.find((e) => e.subjectId === user.id)).toMatchObject({ actorKind: 'user', actorName: user.email });
  });

  it('locks an account after 5 wrong passwords, even against the right one, until an admin resets it', async () => {
    const user = await newUser('editor');
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong password')).status).toBe(401);
    const fifth = await login(user.email, 'wrong password');
    expect(fifth.status).toBe(429);
    expect(fifth.json.message).toMatch(/locked after 5 wrong passwords until \d\d:\d\d UTC; try again then, or ask an admin to reset the password/);
    const right = await login(user.email, PASSWORD);
    expect(right.status).toBe(429);
    expect((await t.api('GET', '/api/users')).body.find((u: any) => u.id === user.id).lockedUntil).not.toBeNull();
    expect(await audit(`action=auth.locked&target=user:${user.id}`)).toHaveLength(1);

    expect((await t.api('POST', `/api/users/${user.id}/password`, { password: 'a brand new password' })).status).toBe(204);
    expect((await login(user.email, 'a brand new password')).status).toBe(200);
  });

  it('refuses a disabled user, and disabling ends their sessions and stops their tokens', async () => {
    const user = await newUser('editor');
    const session = await signIn(t.base, user.email, PASSWORD);
    const token = await send('POST', '/api/tokens', sessionHeaders(session), { name: 'ci', role: 'editor' });
    expect(token.status).toBe(201);
    expect((await t.api('PATCH', `/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await send('GET', '/api/me', sessionHeaders(session))).status).toBe(401);
    expect((await send('GET', '/api/me', { authorization: `Bearer ${token.json.token}` })).status).toBe(401);
    expect((await login(user.email, PASSWORD)).status).toBe(401);
  });

  it('keeps the last enabled admin: it cannot be demoted or disabled', async () => {
    const res = await t.api('GET', '/api/users');
    const admins = res.body.filter((u: any) => u.role === 'admin' && !u.disabled);
    // Other tests may add admins; demote them first so one remains.
    for (const a of admins.slice(1)) expect((await t.api('PATCH', `/api/users/${a.id}`, { role: 'viewer' })).status).toBe(200);
    const last = admins[0];
    expect((await t.api('PATCH', `/api/users/${last.id}`, { role: 'editor' })).status).toBe(409);
    const disabled = await t.api('PATCH', `/api/users/${last.id}`, { disabled: true });
    expect(disabled.status).toBe(409);
    expect(disabled.body.message).toMatch(/last enabled admin/);
  });
});

describe('CSRF and session revocation', () => {
  let session: TestSession;
  let user: { id: string; email: string };

  beforeAll(async () => {
    user = await newUser('editor');
    session = await signIn(t.base, user.email, PASSWORD);
  });

  it('refuses a cookie-authenticated write without the X-CSRF-Token header, or with a wrong one', async () => {
    const body = { name: `CSRF ${randomUUID()}`, presetId: 'lever' };
    const without = await send('POST', '/api/integrations', { cookie: session.cookie }, body);
    expect(without.status).toBe(403);
    expect(without.json.message).toMatch(/X-CSRF-Token/);
    const wrong = await send('POST', '/api/integrations', { cookie: session.cookie, 'x-csrf-token': 'guess' }, body);
    expect(wrong.status).toBe(403);
    // Reads need no token; a write with it goes through.
    expect((await send('GET', '/api/integrations', { cookie: session.cookie })).status).toBe(200);
    expect((await send('POST', '/api/integrations', sessionHeaders(session), body)).status).toBe(201);
  });

  it('needs no CSRF token for a bearer token (browsers never add one)', async () => {
    const res = await t.api('POST', '/api/integrations', { name: `Bearer ${randomUUID()}`, presetId: 'lever' });
    expect(res.status).toBe(201);
  });

  it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
    const other = await signIn(t.base, user.email, PASSWORD);
    expect((await send('POST', '/api/auth/logout', sessionHeaders(other))).status).toBe(204);
    expect((await send('GET', '/api/me', sessionHeaders(other))).status).toBe(401);
    // Only that session ended.
    expect((await send('GET', '/api/me', sessionHeaders(session))).status).toBe(200);
  });

  it('ends every session of the user at a password change, and gives the caller a new one', async () => {
    const elsewhere = await signIn(t.base, user.email, PASSWORD);
    const wrong = await send('POST', '/api/me/password', sessionHeaders(session), { currentPassword: 'not it at all', newPassword: 'another long password' });
    expect(wrong.status).toBe(403);
    const changed = await send('POST', '/api/me/password', sessionHeaders(session), { currentPassword: PASSWORD, newPassword: 'another long password' });
    expect(changed.status).toBe(204);
    expect((await send('GET', '/api/me', sessionHeaders(session))).status).toBe(401);
    expect((await send('GET', '/api/me', sessionHeaders(elsewhere))).status).toBe(401);
    const fresh = changed.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await send('GET', '/api/me', { cookie: fresh })).status).toBe(200);
    expect((await login(user.email, 'another long password')).status).toBe(200);
    expect(await audit(`action=user.password_changed&actor=${user.id}`)).toHaveLength(1);
  });

  it('stores only hashes of session cookies and API tokens', async () => {
    const fresh = await signIn(t.base, user.email, 'another long password');
    const token = (await send('POST', '/api/tokens', sessionHeaders(fresh), { name: 'hash check', role: 'viewer' })).json.token as string;
    const cookie = /rolecall_session=([^;]+)/.exec(fresh.cookie)![1]!;
    const dump = JSON.stringify([await sql(t.db.url, 'SELECT * FROM user_session'), await sql(t.db.url, 'SELECT * FROM api_token')]);
    expect(dump).not.toContain(cookie);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(Buffer.from(token).toString('hex'));
  });
});

describe('API tokens', () => {
  it('are created with a role no higher than the creator\'s, shown once, and audited', async () => {
    const user = await newUser('editor');
    const session = await signIn(t.base, user.email, PASSWORD);
    const tooHigh = await send('POST', '/api/tokens', sessionHeaders(session), { name: 'admin please', role: 'admin' });
    expect(tooHigh.status).toBe(403);
    const created = await send('POST', '/api/tokens', sessionHeaders(session), { name: 'deploy bot', role: 'viewer', expiresInDays: 7 });
    expect(created.status).toBe(201);
    expect(created.json.token).toMatch(/^rcat_[A-Za-z0-9_-]{43}$/);
    const listed = await send('GET', '/api/tokens', sessionHeaders(session));
    expect(listed.json).toEqual([expect.objectContaining({ id: created.json.id, name: 'deploy bot', role: 'viewer', lastUsedAt: null })]);
    expect(listed.text).not.toContain(created.json.token);

    // It acts as a viewer: reads pass, writes are refused; its use is recorded.
    const bearer = { authorization: `Bearer ${created.json.token}` };
    expect((await send('GET', '/api/me', bearer)).json).toMatchObject({ email: user.email, role: 'viewer', via: 'token' });
    expect((await send('POST', '/api/integrations', bearer, { name: `x ${randomUUID()}`, presetId: 'lever' })).status).toBe(403);
    await expect.poll(async () => (await send('GET', '/api/tokens', sessionHeaders(session))).json[0].lastUsedAt).not.toBeNull();
    // A token cannot mint tokens.
    expect((await send('POST', '/api/tokens', bearer, { name: 'child', role: 'viewer' })).status).toBe(403);
    expect(await audit(`action=token.created&target=api_token:${created.json.id}`)).toEqual([expect.objectContaining({ actorId: user.id, actorName: user.email })]);
  });

  it('stop working once revoked, and others\' tokens are invisible to non-admins', async () => {
    const owner = await newUser('editor');
    const stranger = await newUser('editor');
    const ownerSession = await signIn(t.base, owner.email, PASSWORD);
    const strangerSession = await signIn(t.base, stranger.email, PASSWORD);
    const token = (await send('POST', '/api/tokens', sessionHeaders(ownerSession), { name: 'to revoke', role: 'editor' })).json;
    expect((await send('DELETE', `/api/tokens/${token.id}`, sessionHeaders(strangerSession))).status).toBe(404);
    expect((await send('GET', '/api/me', { authorization: `Bearer ${token.token}` })).status).toBe(200);
    expect((await send('DELETE', `/api/tokens/${token.id}`, sessionHeaders(ownerSession))).status).toBe(204);
    const after = await send('GET', '/api/me', { authorization: `Bearer ${token.token}` });
    expect(after.status).toBe(401);
    expect(after.json.message).toMatch(/unknown, expired or revoked/);
    expect((await t.api('GET', '/api/tokens')).body.find((x: any) => x.id === token.id).revokedAt).not.toBeNull();
  });

  it('stop working once expired', async () => {
    const user = await newUser('viewer');
    const session = await signIn(t.base, user.email, PASSWORD);
    const created = (await send('POST', '/api/tokens', sessionHeaders(session), { name: 'short lived', role: 'viewer', expiresInDays: 1 })).json;
    expect((await send('GET', '/api/me', { authorization: `Bearer ${created.token}` })).status).toBe(200);
    await sql(t.db.url, `UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.id]);
    expect((await send('GET', '/api/me', { authorization: `Bearer ${created.token}` })).status).toBe(401);
  });

  it('act with the lower of their role and their owner\'s current role', async () => {
    const user = await newUser('editor');
    const session = await signIn(t.base, user.email, PASSWORD);
    const token = (await send('POST', '/api/tokens', sessionHeaders(session), { name: 'editor bot', role: 'editor' })).json.token as string;
    expect((await t.api('PATCH', `/api/users/${user.id}`, { role: 'viewer' })).status).toBe(200);
    expect((await send('GET', '/api/me', { authorization: `Bearer ${token}` })).json.role).toBe('viewer');
  });
});

describe('the audit log', () => {
  it('names the real actor of each change, filters by actor, action, target and time, and exports formula-safe CSV', async () => {
    const user = await newUser('editor');
    const session = await signIn(t.base, user.email, PASSWORD);
    const name = `=HYPERLINK("x") ${randomUUID().slice(0, 6)}`;
    const created = await send('POST', '/api/integrations', sessionHeaders(session), { name, presetId: 'lever' });
    expect(created.status).toBe(201);
    const rows = await audit(`target=integration:${created.json.id}`);
    expect(rows).toEqual([
      expect.objectContaining({ actorKind: 'user', actorId: user.id, actorName: user.email, action: 'integration.created', subjectType: 'integration', details: { name, presetId: 'lever' } }),
    ]);
    expect((await audit(`actor=${user.id}&action=integration.`)).map((e) => e.action)).toEqual(['integration.created']);
    // Newest first; creating the user was the admin's doing, not the user's.
    expect((await audit(`actor=${user.id}`)).map((e) => e.action)).toEqual(['integration.created', 'auth.signed_in']);
    expect(await audit(`actor=${user.id}&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect((await audit(`target=user:${user.id}&action=user.created`))[0]).toMatchObject({ actorKind: 'token', actorName: 'test suite (admin@rolecall.test)' });

    const csv = await t.api('GET', `/api/audit.csv?target=integration:${created.json.id}`);
    expect(csv.status).toBe(200);
    const [header, line] = csv.text.trim().split('\r\n');
    expect(header).toBe('at,actorKind,actorId,actorName,action,subjectType,subjectId,details');
    expect(line).toContain(`user,${user.id},${user.email},integration.created,integration,${created.json.id}`);
    // The name sits inside the JSON details cell; no cell starts with a formula character.
    expect(line!.split(',').every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);

    expect((await t.api('GET', '/api/audit?from=yesterday')).status).toBe(400);
  });
});
