import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { mapRecord } from '../mapping';
import type { PresetClientOptions } from '../runtime/preset-client';
import { simulatorClient } from '../simulators/simulator-client';
import { startGithubSimulator } from '../simulators/github.simulator';
import type { SimulatorHandle } from '../simulators/sim-common';

let sim: SimulatorHandle;
const client = (extra: Partial<PresetClientOptions> = {}) => simulatorClient('github', sim, extra);

beforeAll(async () => {
  sim = await startGithubSimulator({ users: 333, rateLimit: false, seed: 51 });
});
afterAll(() => sim.close());

describe('github preset against its simulator', () => {
  it('lists admins, then members, by following the Link header of each role-filtered listing', async () => {
    sim.counters.reset();
    const logins: string[] = [];
    for await (const page of client().listUsers()) logins.push(...page.users.map((u) => String(u.login)));
    const active = Array.from({ length: sim.state.size }, (_, i) => sim.state.get(sim.state.idAt(i) as string)).filter(
      (m) => m?.state === 'active',
    );
    const admins = active.filter((m) => m?.role === 'admin').length;
    expect(admins).toBeGreaterThan(0);
    expect(logins.length).toBe(active.length);
    expect(new Set(logins).size).toBe(logins.length);
    expect(sim.counters.calls('GET /orgs/:org/members')).toBe(Math.ceil(admins / 100) + Math.ceil((active.length - admins) / 100));
  });

  it('keeps Link cursors relative to the integration host, inside the listing phase', async () => {
    const admins = await client().listUsersPage();
    expect(admins.users.every((u) => u.role === 'admin')).toBe(true);
    expect(admins.nextCursor).toBe('1:');
    const first = await client().listUsersPage(admins.nextCursor);
    expect(first.nextCursor).toMatch(/^1:\/orgs\/rolecall-demo\/members\?.*role=member.*page=2/);
    const second = await client().listUsersPage(first.nextCursor);
    expect(second.users.length).toBe(100);
    expect(second.users.every((u) => u.role === 'member')).toBe(true);
  });

  it('maps listed members with their role; email and name need a per-user call and stay unmapped', async () => {
    const login = sim.state.idAt(1) as string;
    const member = await client().getUser(login);
    expect(member).toMatchObject({ login, role: sim.state.get(login)?.role, state: sim.state.get(login)?.state });
    expect(await client().getUserRole(login)).toBe(sim.state.get(login)?.role);
    const { users } = await client().listUsersPage('1:');
    const u = users[0] as Record<string, unknown>;
    const r = mapRecord(u, client().preset.defaultMapping).record;
    expect(r).toMatchObject({ externalId: u.login, username: u.login, active: true, role: 'member', email: null, firstName: null, lastLoginAt: null });
    expect(r.role).toBe(sim.state.get(String(u.login))?.role);
  });

  it('getUserRole on a listed member reads the tagged role without another request', async () => {
    const { users } = await client().listUsersPage();
    sim.counters.reset();
    const role = await client().getUserRole(users[2] as Record<string, unknown>);
    expect(role).toBe('admin');
    expect(role).toBe(sim.state.get(String(users[2]?.login))?.role);
    expect(sim.counters.total).toBe(0);
  });

  it('removes a member (204) and has no deactivation', async () => {
    const login = sim.state.idAt(4) as string;
    expect(client().deactivateUser).toBeUndefined();
    expect(client().deleteUser).toBeDefined();
    await client().deleteUser?.(login);
    expect(sim.state.get(login)).toBeUndefined();
    await expect(client().deleteUser?.(login)).rejects.toMatchObject({ code: ErrorCode.VendorNotFound });
  });

  it('reports an unknown organization as VENDOR_NOT_FOUND', async () => {
    await expect(client({ credentials: { ...sim.credentials, org: 'nope-org' } }).testCredentials()).rejects.toMatchObject({
      code: ErrorCode.VendorNotFound,
      vendorMessage: 'Not Found',
    });
  });

  it('reports a bad token as VENDOR_AUTH_FAILED without the token', async () => {
    const secret = 'ghp_wrongTokenValue0000';
    const error = await client({ credentials: { ...sim.credentials, token: secret } })
      .testCredentials()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorAuthFailed, vendorMessage: 'Bad credentials' });
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(secret);
  });
});
