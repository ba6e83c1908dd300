import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { mapRecord } from '../mapping';
import { createPresetClient, type PresetClientOptions } from '../runtime/preset-client';
import { simulatorClient } from '../simulators/simulator-client';
import { patchActive, startScimSimulator } from '../simulators/scim.simulator';
import type { SimulatorHandle } from '../simulators/sim-common';

let sim: SimulatorHandle;
const client = (extra: Partial<PresetClientOptions> = {}) => simulatorClient('scim', sim, extra);

beforeAll(async () => {
  // The provider caps pages at 40 although the client asks for 100 (allowed by RFC 7644).
  sim = await startScimSimulator({ users: 430, rateLimit: false, seed: 41, maxCount: 40 });
});
afterAll(() => sim.close());

describe('scim preset against its simulator', () => {
  it('pages by startIndex/count until totalResults, honouring a smaller itemsPerPage', async () => {
    sim.counters.reset();
    const ids: string[] = [];
    for await (const page of client().listUsers()) ids.push(...page.users.map((u) => String(u.id)));
    expect(new Set(ids).size).toBe(430);
    expect(sim.counters.calls('GET /scim/v2/Users')).toBe(Math.ceil(430 / 40));
  });

  it('applies the credential filter to the listing', async () => {
    const c = client({ credentials: { ...sim.credentials, filter: 'active eq false' } });
    let n = 0;
    for await (const page of c.listUsers()) {
      n += page.users.length;
      expect(page.users.every((u) => u.active === false)).toBe(true);
    }
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(430);
  });

  it('maps SCIM attributes to the inventory', async () => {
    const { users } = await client().listUsersPage();
    const u = users[0] as Record<string, unknown>;
    const r = mapRecord(u, client().preset.defaultMapping).record;
    expect(r).toMatchObject({
      externalId: u.id,
      username: u.userName,
      email: (u.emails as { value: string }[])[0]?.value,
      firstName: (u.name as { givenName: string }).givenName,
      active: u.active,
      role: (u.roles as { value: string }[])[0]?.value,
      createdAt: new Date((u.meta as { created: string }).created).toISOString(),
    });
  });

  it('gets a user and reads its roles', async () => {
    const id = sim.state.idAt(2) as string;
    expect((await client().getUser(id)).id).toBe(id);
    expect(await client().getUserRole(id)).toMatch(/^(member|admin|guest|owner)$/);
  });

  it('deactivates and reactivates with PatchOp replace active', async () => {
    const id = sim.state.idAt(3) as string;
    await client().deactivateUser?.(id);
    expect(sim.state.get(id)?.active).toBe(false);
    await client().reactivateUser?.(id);
    expect(sim.state.get(id)?.active).toBe(true);
  });

  it('simulator accepts the Okta, Entra and path-less PatchOp variants', () => {
    const ops = (o: unknown) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [o] });
    expect(patchActive(ops({ op: 'replace', path: 'active', value: false }))).toBe(false);
    expect(patchActive(ops({ op: 'Replace', path: 'active', value: 'False' }))).toBe(false);
    expect(patchActive(ops({ op: 'replace', value: { active: false } }))).toBe(false);
    expect(patchActive(ops({ op: 'remove', path: 'active' }))).toBeUndefined();
  });

  it('deletes a user: 204, then 404 and gone from listings', async () => {
    const id = sim.state.idAt(0) as string;
    await client().deleteUser?.(id);
    await expect(client().getUser(id)).rejects.toMatchObject({ code: ErrorCode.VendorNotFound, status: 404 });
    const { users } = await client().listUsersPage();
    expect(users.map((u) => u.id)).not.toContain(id);
  });

  it('reports a bad filter as VENDOR_BAD_REQUEST with the SCIM detail', async () => {
    const c = client({ credentials: { ...sim.credentials, filter: 'userName zz "x"' } });
    await expect(c.listUsersPage()).rejects.toMatchObject({
      code: ErrorCode.VendorBadRequest,
      retryable: false,
      vendorMessage: expect.stringContaining('not supported'),
    });
  });

  it('reports a bad token as VENDOR_AUTH_FAILED without the token', async () => {
    const secret = 'scim-wrong-token-123456';
    const error = await client({ credentials: { token: secret } })
      .testCredentials()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VendorAuthFailed, vendorMessage: expect.stringContaining('Authentication failed') });
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(secret);
  });

  it('needs a base URL: the generic preset has no default host', () => {
    expect(() => createPresetClient({ presetId: 'scim', credentials: sim.credentials, allowedHosts: [] })).toThrow(
      expect.objectContaining({ code: ErrorCode.ConfigInvalid }),
    );
  });
});
