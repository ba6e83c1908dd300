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
  it('lists members by following the Link header', async () => {
    sim.counters.reset();
    const logins: string[] = [];
    for await (const page of client().listUsers()) logins.push(...page.users.map((u) => String(u.login)));
    const active = Array.from({ length: sim.state.size }, (_, i) => sim.state.get(sim.state.idAt(i) as string)).filter(
      (m) => m?.state === 'active',
    );
    expect(logins.length).toBe(active.length);
    expect(new Set(logins).size).toBe(logins.length);
    expect(sim.counters.calls('GET /orgs/:org/members')).toBe(Math.ceil(active.length / 100));
  });

  it('keeps Link cursors relative to the integration host', async () => {
    const first = await client().listUsersPage();
    expect(first.nextCursor).toMatch(/^\/orgs\/rolecall-demo\/members\?.*page=2/);
    const second = await client().listUsersPage(first.nextCursor);
    expect(second.users.length).toBe(100);
  });

  it('reads the role from the membership and maps members to the inventory', async () => {
    const login = sim.state.idAt(1) as string;
    const member = await client().getUser(login);
    expect(member).toMatchObject({ login, role: sim.state.get(login)?.role, state: sim.state.get(login)?.state });
    expect(await client().getUserRole(login)).toBe(sim.state.get(login)?.role);
    const { users } = await client().listUsersPage();
    const r = mapRecord(users[0] as Record<string, unknown>, client().preset.defaultMapping).record;
    expect(r).toMatchObject({ externalId: users[0]?.login, username: users[0]?.login, active: true, role: null, lastLoginAt: null });
  });

  it('getUserRole on a listed member fetches the membership (the list has no role)', async () => {
    const { users } = await client().listUsersPage();
    sim.counters.reset();
    const role = await client().getUserRole(users[2] as Record<string, unknown>);
    expect(role).toMatch(/^(admin|member)$/);
    expect(sim.counters.calls('GET /orgs/:org/memberships/:username')).toBe(1);
  });

  it('removes a member (204) and has no deactivation', async () => {
    const login = sim.state.idAt(4) as string;
    expect(client().deactivateUser).toBeUndefined();
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
