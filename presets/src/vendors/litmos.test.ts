import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { mapRecord } from '../mapping';
import { MappedRecordSchema } from '../mapped-record.schema';
import type { PresetClientOptions } from '../runtime/preset-client';
import { simulatorClient } from '../simulators/simulator-client';
import { startLitmosSimulator } from '../simulators/litmos.simulator';
import type { SimulatorHandle } from '../simulators/sim-common';

let sim: SimulatorHandle;
const client = (extra: Partial<PresetClientOptions> = {}) => simulatorClient('litmos', sim, extra);

/** The operation, failing the test when the preset lacks it (instead of `?.` skipping silently). */
function must<T>(operation: T | undefined, name: string): T {
  if (operation === undefined) throw new Error(`the litmos client has no ${name}`);
  return operation;
}
const deactivate = () => must(client().deactivateUser, 'deactivateUser');
const reactivate = () => must(client().reactivateUser, 'reactivateUser');
const remove = () => must(client().deleteUser, 'deleteUser');

beforeAll(async () => {
  sim = await startLitmosSimulator({ users: 2_345, rateLimit: false, seed: 11 });
});
afterAll(() => sim.close());

describe('litmos preset against its simulator', () => {
  it('lists every user through /users/details with start/limit and stops on a page with no new user', async () => {
    sim.counters.reset();
    const ids: string[] = [];
    for await (const page of client().listUsers()) ids.push(...page.users.map((u) => String(u.Id)));
    expect(ids).toHaveLength(2_345);
    expect(new Set(ids).size).toBe(2_345);
    // Pages start at 0, 990, 1980 (overlapping by 10), then 2335 brings no new user.
    expect(sim.counters.calls('GET /v1.svc/users/details')).toBe(4);
    expect(sim.counters.total).toBe(4);
  });

  it('pages with an opaque cursor, one vendor request per call', async () => {
    sim.counters.reset();
    const c = client();
    const first = await c.listUsersPage();
    expect(first.users).toHaveLength(1000);
    expect(first.nextCursor).toMatch(/^990\./);
    const second = await client().listUsersPage(first.nextCursor);
    // The 10 re-read users are dropped: only new ones come back.
    expect(second.users).toHaveLength(990);
    expect(second.users[0]?.Id).toBe(sim.state.idAt(1000));
    // A plain offset (what older runs persisted) still resumes there.
    const last = await c.listUsersPage('2000');
    expect(last.users).toHaveLength(345);
    const end = await c.listUsersPage(last.nextCursor);
    expect(end).toEqual({ users: [] });
    expect(sim.counters.total).toBe(4);
    expect(sim.counters.history.map((h) => h.query?.start)).toEqual(['0', '990', '2000', '2335']);
  });

  it('lists full objects including LastLogin and maps them to the inventory', async () => {
    const page = await client().listUsersPage();
    const c = client();
    const users = page.users.map((u) => mapRecord(u, c.preset.defaultMapping).record);
    for (const record of users) expect(MappedRecordSchema.parse(record)).toEqual(record);
    expect(users.some((u) => u.lastLoginAt !== null)).toBe(true);
    expect(users.some((u) => u.lastLoginAt === null)).toBe(true);
    expect(users.some((u) => u.active === false)).toBe(true);
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['Learner', 'Team_Leader', 'Administrator', 'Account_Owner']));
  });

  it('gets one user and reads its AccessLevel as the role', async () => {
    const id = sim.state.idAt(7) as string;
    const c = client();
    const user = await c.getUser(id);
    expect(user.Id).toBe(id);
    expect(user.LoginKey).toContain('https://');
    expect(await c.getUserRole(id)).toBe(sim.state.get(id)?.AccessLevel);
  });

  it('reads the role from a listed user without another request', async () => {
    const [user] = (await client().listUsersPage()).users;
    sim.counters.reset();
    expect(await client().getUserRole(user as Record<string, unknown>)).toBe((user as Record<string, unknown>).AccessLevel);
    expect(sim.counters.total).toBe(0);
  });

  it('deactivates with one PUT of the full listed user, keeping every other field', async () => {
    const { users } = await client().listUsersPage('100');
    const known = users[0] as Record<string, unknown>;
    const id = String(known.Id);
    const before = sim.state.get(id) as Record<string, unknown>;
    sim.counters.reset();
    await deactivate()(id, known);
    expect(sim.counters.userCalls(id).map((c) => c.endpoint)).toEqual(['PUT /v1.svc/users/:id']);
    const after = sim.state.get(id) as Record<string, unknown>;
    expect(after).toEqual({ ...before, Active: false });
  });

  it('GETs the user first when no full user is at hand', async () => {
    const id = sim.state.idAt(200) as string;
    const before = sim.state.get(id) as Record<string, unknown>;
    sim.counters.reset();
    // A summary-shaped object lacks the write fields, so it is not trusted.
    await deactivate()(id, { Id: id, Active: true });
    expect(sim.counters.userCalls(id).map((c) => c.endpoint)).toEqual(['GET /v1.svc/users/:id', 'PUT /v1.svc/users/:id']);
    expect(sim.state.get(id)).toEqual({ ...before, Active: false });
  });

  it('reactivates a user', async () => {
    const id = sim.state.idAt(201) as string;
    await deactivate()(id);
    expect(sim.state.get(id)?.Active).toBe(false);
    await reactivate()(id);
    expect(sim.state.get(id)?.Active).toBe(true);
  });

  it('hard-deletes a user; a second delete is a VENDOR_NOT_FOUND', async () => {
    const id = sim.state.idAt(300) as string;
    await remove()(id);
    expect(sim.state.get(id)).toBeUndefined();
    await expect(remove()(id)).rejects.toMatchObject({ code: ErrorCode.VendorNotFound, status: 404 });
    await expect(client().getUser(id)).rejects.toMatchObject({ code: ErrorCode.VendorNotFound });
  });

  it('tests credentials with a single cheap call', async () => {
    sim.counters.reset();
    await expect(client().testCredentials()).resolves.toEqual({ ok: true });
    expect(sim.counters.snapshot().byEndpoint).toEqual({ 'GET /v1.svc/users': 1 });
  });

  it('sends the source credential field and format=json on every call, defaulting source to "rolecall"', async () => {
    sim.counters.reset();
    await client({ credentials: { apiKey: sim.credentials.apiKey as string, source: 'hr-sync' } }).testCredentials();
    const c = client({ credentials: { apiKey: sim.credentials.apiKey as string } });
    await expect(c.testCredentials()).resolves.toEqual({ ok: true });
    await c.getUser(sim.state.idAt(1) as string);
    const sent = sim.counters.history.map((h) => [h.query?.source, h.query?.format]);
    expect(sent).toEqual([
      ['hr-sync', 'json'],
      ['rolecall', 'json'],
      ['rolecall', 'json'],
    ]);
  });

  it('reports a bad API key as VENDOR_AUTH_FAILED without the key in the message', async () => {
    const secret = 'not-the-key-0123456789';
    const error = await client({ credentials: { apiKey: secret } })
      .testCredentials()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorAuthFailed, status: 401, retryable: false });
    expect((error as Error).message).toContain('API key');
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String((error as Error).stack)).not.toContain(secret);
  });
});

describe('litmos simulator write contract', () => {
  it('rejects a PUT whose fields are out of the vendor order (what a reordering client would send)', async () => {
    const id = sim.state.idAt(400) as string;
    const user = sim.state.get(id) as Record<string, unknown>;
    const { Id, ...rest } = user;
    const res = await fetch(`${sim.url}/users/${id}?source=t&format=json`, {
      method: 'PUT',
      headers: { apikey: sim.credentials.apiKey as string, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...rest, Id, Active: false }),
    });
    expect(res.status).toBe(400);
    expect(sim.state.get(id)?.Active).toBe(user.Active);
  });
});
