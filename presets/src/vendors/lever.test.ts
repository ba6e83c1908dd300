import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { ErrorCode } from '../errors/error-code';
import { mapRecord } from '../mapping';
import type { PresetClientOptions } from '../runtime/preset-client';
import { simulatorClient } from '../simulators/simulator-client';
import { startLeverSimulator } from '../simulators/lever.simulator';
import type { SimulatorHandle } from '../simulators/sim-common';

let sim: SimulatorHandle;
const client = (extra: Partial<PresetClientOptions> = {}) => simulatorClient('lever', sim, extra);

beforeAll(async () => {
  sim = await startLeverSimulator({ users: 2_050, rateLimit: false, seed: 21 });
});
afterAll(() => sim.close());

describe('lever preset against its simulator', () => {
  it('lists active and deactivated users across many pages with opaque next tokens', async () => {
    sim.counters.reset();
    const ids: string[] = [];
    const cursors: string[] = [];
    for await (const page of client().listUsers()) {
      ids.push(...page.users.map((u) => String(u.id)));
      if (page.nextCursor) cursors.push(page.nextCursor);
    }
    expect(ids).toHaveLength(2_050);
    expect(new Set(ids).size).toBe(2_050);
    expect(sim.counters.calls('GET /v1/users')).toBe(21);
    // Tokens are the vendor's, passed back verbatim (not numbers we made up).
    expect(cursors.every((c) => !/^\d+$/.test(c))).toBe(true);
  });

  it('maps name, role, active and createdAt from Lever fields', async () => {
    const { users } = await client().listUsersPage();
    const records = users.map((u) => mapRecord(u, client().preset.defaultMapping).record);
    const r = records[0];
    const u = users[0] as Record<string, unknown>;
    expect(`${r?.firstName} ${r?.lastName}`).toBe(u.name);
    expect(r?.createdAt).toBe(new Date(u.createdAt as number).toISOString());
    expect(records.some((x) => x.active === false)).toBe(true);
    expect(records.every((x) => x.active === (users.find((y) => y.id === x.externalId)?.deactivatedAt === null))).toBe(true);
    expect(records.every((x) => x.lastLoginAt === null)).toBe(true);
  });

  it('gets a user from the {"data"} envelope and reads accessRole', async () => {
    const { users } = await client().listUsersPage();
    const active = users.find((u) => u.deactivatedAt === null) as Record<string, unknown>;
    const user = await client().getUser(String(active.id));
    expect(user.email).toBe(active.email);
    expect(await client().getUserRole(String(active.id))).toBe(active.accessRole);
  });

  it('deactivates and reactivates with the vendor POSTs', async () => {
    const id = sim.state.idAt(5) as string;
    await client().reactivateUser?.(id);
    await client().deactivateUser?.(id);
    expect(sim.state.get(id)?.deactivatedAt).toEqual(expect.any(Number));
    // Lever answers 404 for deactivated users on GET (per LEV-GO, UNCONFIRMED live).
    await expect(client().getUser(id)).rejects.toMatchObject({ code: ErrorCode.VendorNotFound });
    await client().reactivateUser?.(id);
    expect(sim.state.get(id)?.deactivatedAt).toBeNull();
    expect(sim.counters.userCalls(id, 'POST /v1/users/:id/deactivate')).toHaveLength(1);
  });

  it('has no vendor delete; "Lever Delete User" deactivates and removes the inventory record', () => {
    expect(client().deleteUser).toBeUndefined();
    const lever = CATALOG.presets.find((p) => p.id === 'lever');
    expect(lever?.operations).not.toContain('deleteUser');
    expect(lever?.actions.find((a) => a.id === 'deleteUser')).toMatchObject({
      label: 'Lever Delete User',
      operation: 'deactivateUser',
      inventoryEffect: 'remove',
    });
  });

  it('authenticates with Basic key-as-username; a bad key is VENDOR_AUTH_FAILED without the key', async () => {
    await expect(client().testCredentials()).resolves.toEqual({ ok: true });
    const secret = 'lever-wrong-key-abcdef';
    const error = await client({ credentials: { apiKey: secret } })
      .testCredentials()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorAuthFailed, vendorMessage: expect.stringContaining('Invalid API key') });
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(Buffer.from(`${secret}:`).toString('base64'));
  });
});
