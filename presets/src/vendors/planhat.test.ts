import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { mapRecord } from '../mapping';
import type { PresetClientOptions } from '../runtime/preset-client';
import { simulatorClient } from '../simulators/simulator-client';
import { startPlanhatSimulator } from '../simulators/planhat.simulator';
import type { SimulatorHandle } from '../simulators/sim-common';
import { planhat } from './planhat';

let sim: SimulatorHandle;
const client = (extra: Partial<PresetClientOptions> = {}) => simulatorClient('planhat', sim, extra);

beforeAll(async () => {
  sim = await startPlanhatSimulator({ users: 2_500, rateLimit: false, seed: 31 });
});
afterAll(() => sim.close());

describe('planhat preset against its simulator', () => {
  it('lists bare arrays by limit/offset and stops only on a page with no new user', async () => {
    sim.counters.reset();
    let n = 0;
    for await (const page of client().listUsers()) n += page.users.length;
    expect(n).toBe(2_500);
    // The short page (offset 1980) is not trusted as the end: the maximum limit is UNCONFIRMED.
    expect(sim.counters.calls('GET /users')).toBe(4);
  });

  it('has no username mapping: nickName is shared by many users', async () => {
    const { users } = await client().listUsersPage();
    const nickNames = users.map((u) => u.nickName);
    expect(new Set(nickNames).size).toBeLessThan(nickNames.length / 10);
    expect(users.every((u) => mapRecord(u, client().preset.defaultMapping).record.username === null)).toBe(true);
    expect(planhat.syncKeyFields).not.toContain('username');
  });

  it('maps users with and without the legacy isAdmin/isDeveloper/type fields', async () => {
    const { users } = await client().listUsersPage();
    const legacy = users.filter((u) => 'isAdmin' in u);
    const modern = users.filter((u) => !('isAdmin' in u));
    expect(legacy.length).toBeGreaterThan(0);
    expect(modern.length).toBeGreaterThan(0);
    for (const u of [...legacy.slice(0, 5), ...modern.slice(0, 5)]) {
      const r = mapRecord(u, client().preset.defaultMapping).record;
      expect(r.externalId).toBe(u._id);
      expect(r.active).toBe(!u.inactive);
      expect(r.role).toBe((u.roles as { name: string }[])[0]?.name);
      expect(r.createdAt).toBe(u.createDate);
    }
    expect(planhat.fields.filter((f) => f.legacy).map((f) => f.key).sort()).toEqual(['isAdmin', 'isDeveloper', 'type']);
  });

  it('gets a user; its roles come back as ids on a single GET', async () => {
    const id = sim.state.idAt(3) as string;
    const user = await client().getUser(id);
    expect(user._id).toBe(id);
    expect(await client().getUserRole(id)).toMatch(/^[0-9a-f]{24}$/);
  });

  it('deactivates and reactivates with a partial PUT of inactive', async () => {
    const id = sim.state.idAt(4) as string;
    const before = sim.state.get(id) as Record<string, unknown>;
    await client().deactivateUser?.(id);
    expect(sim.state.get(id)).toMatchObject({ inactive: true, email: before.email, roles: before.roles });
    await client().reactivateUser?.(id);
    expect(sim.state.get(id)?.inactive).toBe(false);
    const puts = sim.counters.userCalls(id, 'PUT /users/:id');
    expect(puts).toHaveLength(2);
    expect(sim.counters.userCalls(id, 'GET /users/:id')).toHaveLength(0);
  });

  it('deletes a user', async () => {
    const id = sim.state.idAt(10) as string;
    await client().deleteUser?.(id);
    expect(sim.state.get(id)).toBeUndefined();
    await expect(client().getUser(id)).rejects.toMatchObject({ code: ErrorCode.VendorNotFound, vendorMessage: 'User not found' });
  });

  it('accepts the token as Bearer or as Basic "<token>:"', async () => {
    await expect(client().testCredentials()).resolves.toEqual({ ok: true });
    await expect(client({ authKind: 'basic' }).testCredentials()).resolves.toEqual({ ok: true });
  });

  it('reports a bad token as VENDOR_AUTH_FAILED without the token', async () => {
    const secret = 'planhat-wrong-token-xyz';
    const error = await client({ credentials: { token: secret } })
      .testCredentials()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorAuthFailed });
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(secret);
  });
});
