import { afterAll, describe, expect, it } from 'vitest';
import { startLitmosSimulator } from './litmos.simulator';
import type { SimulatorHandle } from './sim-common';
import { ids, UserStore } from './seeded-users';
import { startAllSimulators } from './start-all';

const running: SimulatorHandle[] = [];
afterAll(() => Promise.all(running.map((s) => s.close())));

describe('simulators', () => {
  it('serves 100k seeded users without generating them up front', async () => {
    const started = Date.now();
    const sim = await startLitmosSimulator({ users: 100_000, rateLimit: false, seed: 99 });
    running.push(sim);
    const lastId = sim.state.idAt(99_999) as string;
    expect(sim.state.get(lastId)?.Id).toBe(lastId);
    const res = await fetch(`${sim.url}/users/details?source=t&format=json&start=99000&limit=1000`, {
      headers: { apikey: sim.credentials.apiKey as string },
    });
    const page = (await res.json()) as unknown[];
    expect(page).toHaveLength(1000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is deterministic per seed and escapes "/" like Litmos', async () => {
    const a = await startLitmosSimulator({ users: 10, rateLimit: false, seed: 5, referenceTime: 1e12 });
    const b = await startLitmosSimulator({ users: 10, rateLimit: false, seed: 5, referenceTime: 1e12 });
    running.push(a, b);
    const id = a.state.idAt(3) as string;
    expect(b.state.get(id)).toEqual(a.state.get(id));
    const text = await (await fetch(`${a.url}/users/${id}?source=t&format=json`, { headers: { apikey: a.credentials.apiKey as string } })).text();
    expect(text).toContain('https:\\/\\/');
  });

  it('spreads roles, inactive users and last logins realistically', async () => {
    const sim = await startLitmosSimulator({ users: 2000, rateLimit: false, seed: 8 });
    running.push(sim);
    const users = Array.from({ length: 2000 }, (_, i) => sim.state.get(sim.state.idAt(i) as string) as Record<string, unknown>);
    const inactive = users.filter((u) => u.Active === false).length / users.length;
    const never = users.filter((u) => u.LastLogin === null).length / users.length;
    const stale = users.filter((u) => typeof u.LastLogin === 'string' && Date.parse(u.LastLogin) < Date.now() - 90 * 86_400_000).length;
    expect(inactive).toBeGreaterThan(0.05);
    expect(inactive).toBeLessThan(0.2);
    expect(never).toBeGreaterThan(0.03);
    expect(stale).toBeGreaterThan(100);
    expect(new Set(users.map((u) => u.AccessLevel)).size).toBe(4);
  });

  it('counts calls per endpoint and per user, including throttled ones', async () => {
    const sim = await startLitmosSimulator({ users: 10, rateLimit: { kind: 'rolling', limit: 2, windowMs: 60_000 } });
    running.push(sim);
    const id = sim.state.idAt(0) as string;
    const get = () => fetch(`${sim.url}/users/${id}?source=t&format=json`, { headers: { apikey: sim.credentials.apiKey as string } });
    const statuses = [(await get()).status, (await get()).status, (await get()).status];
    expect(statuses).toEqual([200, 200, 503]);
    expect(sim.counters.calls('GET /v1.svc/users/:id')).toBe(3);
    expect(sim.counters.userCalls(id)).toHaveLength(3);
    expect(sim.counters.throttled).toBe(1);
    expect(sim.counters.successfulUserCalls('GET /v1.svc/users/:id').get(id)).toBe(2);
  });

  it('user store positions skip deleted users', () => {
    const store = new UserStore(10, (i) => ({ i }));
    store.delete(0);
    store.delete(3);
    store.delete(4);
    expect([0, 1, 2, 3, 4, 5, 6].map((p) => store.indexAt(p))).toEqual([1, 2, 5, 6, 7, 8, 9]);
    expect(store.indexAt(7)).toBeUndefined();
    expect([...store.indicesFrom(2)]).toEqual([5, 6, 7, 8, 9]);
  });

  it('id codecs round-trip', () => {
    expect(ids.litmosIndex(ids.litmos(1, 123_456))).toBe(123_456);
    expect(ids.uuidIndex(ids.uuid(1, 99_999))).toBe(99_999);
    expect(ids.objectIdIndex(ids.objectId(1, 42))).toBe(42);
  });

  it('starts all five on the configured ports and reports demo credentials', async () => {
    const sims = await startAllSimulators({
      ROLECALL_SIM_LITMOS_PORT: '0',
      ROLECALL_SIM_LEVER_PORT: '0',
      ROLECALL_SIM_PLANHAT_PORT: '0',
      ROLECALL_SIM_SCIM_PORT: '0',
      ROLECALL_SIM_GITHUB_PORT: '0',
      ROLECALL_SIM_LITMOS_USERS: '12',
    });
    running.push(...Object.values(sims));
    expect(Object.keys(sims)).toEqual(['litmos', 'lever', 'planhat', 'scim', 'github']);
    expect(sims.litmos.state.size).toBe(12);
    expect(sims.github.credentials).toMatchObject({ org: 'rolecall-demo' });
    for (const sim of Object.values(sims)) expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  });
});
