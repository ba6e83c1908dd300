import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import type { SimulatorHandle } from '../simulators/sim-common';
import { simulatorClient } from '../simulators/simulator-client';
import { startGithubSimulator } from '../simulators/github.simulator';
import { startLitmosSimulator } from '../simulators/litmos.simulator';
import { startPlanhatSimulator } from '../simulators/planhat.simulator';
import { startScimSimulator } from '../simulators/scim.simulator';
import { litmos } from '../vendors/litmos';
import { scim } from '../vendors/scim';
import { pageRequest, pageResult, parseLinkNext } from './pagination';
import type { PresetClient } from './preset-client';

const running: SimulatorHandle[] = [];
afterAll(() => Promise.all(running.map((s) => s.close())));
const started = async (sim: Promise<SimulatorHandle>) => {
  const handle = await sim;
  running.push(handle);
  return handle;
};

async function listIds(client: PresetClient, idField: string, between?: (pageNo: number) => Promise<void> | void): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pageNo = 0;
  do {
    const page = await client.listUsersPage(cursor);
    ids.push(...page.users.map((u) => String(u[idField])));
    cursor = page.nextCursor;
    await between?.(++pageNo);
  } while (cursor !== undefined);
  return ids;
}

/** Every id the simulator holds now. */
const allIds = (sim: SimulatorHandle) => Array.from({ length: sim.state.size }, (_, i) => sim.state.idAt(i) as string);

describe('pagination', () => {
  it('finds rel="next" among several links', () => {
    const header =
      '<https://api.github.com/orgs/o/members?page=1>; rel="prev", <https://api.github.com/orgs/o/members?page=3>; rel="next", <https://api.github.com/orgs/o/members?page=9>; rel="last"';
    expect(parseLinkNext(header)).toBe('https://api.github.com/orgs/o/members?page=3');
    expect(parseLinkNext('<https://x/y?page=9>; rel="last"')).toBeUndefined();
    expect(parseLinkNext(undefined)).toBeUndefined();
  });

  it('rejects cursors this preset cannot have produced', () => {
    for (const bad of ['-5', '10.!!', '10.bm90LWpzb24']) {
      expect(() => pageRequest(litmos, litmos.operations.listUsers.pagination, 1000, bad), bad).toThrow(
        expect.objectContaining({ code: ErrorCode.ValidationFailed }),
      );
    }
    expect(() => pageRequest(scim, scim.operations.listUsers.pagination, 100, '0')).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed }),
    );
  });

  it('reports a SCIM page without totalResults as malformed', () => {
    const args = {
      preset: scim,
      pagination: scim.operations.listUsers.pagination,
      pageSize: 100,
      linkHeader: undefined,
      requestUrl: new URL('http://127.0.0.1/Users'),
      checkUrl: () => undefined,
    };
    // A short page that reaches totalResults ends the listing.
    expect(pageResult({ ...args, cursor: '201', body: { totalResults: 201 }, users: [{ id: 'a' }] })).toEqual({ users: [{ id: 'a' }] });
    expect(() => pageResult({ ...args, cursor: undefined, body: {}, users: [{ id: 'a' }] })).toThrow(
      expect.objectContaining({ code: ErrorCode.VendorMalformedResponse }),
    );
  });
});

describe('offset paging (Litmos, Planhat) against the simulators', () => {
  it('loses no one when users before the position are deleted between pages', async () => {
    const sim = await started(startLitmosSimulator({ users: 1_000, rateLimit: false, seed: 61 }));
    const before = new Set(allIds(sim));
    const deleted: string[] = [];
    const client = simulatorClient('litmos', sim, { pageSize: 100 });
    const listed = await listIds(client, 'Id', async (pageNo) => {
      // Three deletions from the part already listed after each of the first pages.
      if (pageNo > 3) return;
      for (let k = 0; k < 3; k++) {
        const id = sim.state.idAt(k * 7) as string;
        await client.deleteUser?.(id);
        deleted.push(id);
      }
    });
    expect(deleted).toHaveLength(9);
    expect(sim.state.size).toBe(before.size - 9);
    expect(new Set(listed).size).toBe(listed.length);
    // Every user present from start to end was listed; deleted ones may or may not have been.
    const survivors = [...before].filter((id) => !deleted.includes(id));
    expect(survivors.filter((id) => !listed.includes(id))).toEqual([]);
  });

  it('steps back to find its place when more users are deleted than the pages overlap', async () => {
    const sim = await started(startLitmosSimulator({ users: 600, rateLimit: false, seed: 62 }));
    const before = allIds(sim);
    const client = simulatorClient('litmos', sim, { pageSize: 100 });
    const deleted = new Set<string>();
    const listed = await listIds(client, 'Id', async (pageNo) => {
      if (pageNo !== 2) return;
      // 25 deletions (overlap is 10) among users listed on the first page.
      for (const id of before.slice(0, 25)) {
        await client.deleteUser?.(id);
        deleted.add(id);
      }
    });
    expect(sim.state.size).toBe(before.length - 25);
    expect(new Set(listed).size).toBe(listed.length);
    expect(before.filter((id) => !deleted.has(id) && !listed.includes(id))).toEqual([]);
  });

  it('does not read a page shorter than asked for as the end (Planhat caps limit below ours)', async () => {
    const sim = await started(startPlanhatSimulator({ users: 2_345, rateLimit: false, seed: 63, maxLimit: 300 }));
    const listed = await listIds(simulatorClient('planhat', sim), '_id');
    expect(listed).toHaveLength(2_345);
    expect(new Set(listed)).toEqual(new Set(allIds(sim)));
  });
});

describe('SCIM paging against the simulator', () => {
  it('keeps paging full pages when totalResults under-counts (the page size reported as total)', async () => {
    const sim = await started(startScimSimulator({ users: 430, rateLimit: false, seed: 64, totalResults: 'page' }));
    const listed = await listIds(simulatorClient('scim', sim), 'id');
    expect(new Set(listed)).toEqual(new Set(allIds(sim)));
    // Four full pages of 100 and the short page of 30 that ends it.
    expect(sim.counters.calls('GET /scim/v2/Users')).toBe(5);
  });

  it('learns a provider page size smaller than count: a full last page is followed by one more request', async () => {
    const sim = await started(startScimSimulator({ users: 400, rateLimit: false, seed: 65, maxCount: 40 }));
    const listed = await listIds(simulatorClient('scim', sim), 'id');
    expect(listed).toHaveLength(400);
    expect(new Set(listed)).toEqual(new Set(allIds(sim)));
    // Ten full pages of 40 (totalResults reached on the tenth) and the empty page that ends it.
    expect(sim.counters.calls('GET /scim/v2/Users')).toBe(11);
  });
});

describe('phased listing (GitHub role filters)', () => {
  it('lists admins then members, tags each with its role, and resumes from a persisted cursor', async () => {
    const sim = await started(startGithubSimulator({ users: 260, rateLimit: false, seed: 66 }));
    const client = simulatorClient('github', sim, { pageSize: 10 });
    const roles = new Map<string, unknown>();
    let cursor: string | undefined;
    const cursors: string[] = [];
    do {
      // A fresh client per page: all state must live in the cursor.
      const page = await simulatorClient('github', sim, { pageSize: 10 }).listUsersPage(cursor);
      for (const u of page.users) roles.set(String(u.login), u.role);
      cursor = page.nextCursor;
      if (cursor) cursors.push(cursor);
    } while (cursor !== undefined);
    const active = allIds(sim).filter((login) => sim.state.get(login)?.state === 'active');
    expect([...roles.keys()].sort()).toEqual(active.sort());
    for (const login of active) expect(roles.get(login), login).toBe(sim.state.get(login)?.role);
    expect(new Set(roles.values())).toEqual(new Set(['admin', 'member']));
    expect(cursors.some((c) => c.startsWith('0:'))).toBe(true);
    expect(cursors).toContain('1:');
    expect(sim.counters.history.every((c) => c.query?.role === 'admin' || c.query?.role === 'member')).toBe(true);
    await expect(client.listUsersPage('7:')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });
});
