import { intParam, type SimulatorHandle, type SimulatorOptions } from './sim-common';
import { startSimServer, type SimRequest, type SimResponse, type SimRoute } from './sim-server';
import { ids, indexOfId, pickWeighted, seededUser, todayUtcMs, UserStore, userStateOf } from './seeded-users';

/**
 * Planhat simulator (shared/vendors.md §3): Bearer token or Basic "<token>:", bare arrays paged by
 * limit/offset, role objects in lists but role ids on single GETs, partial PUT (`inactive`),
 * DELETE, legacy isAdmin/isDeveloper/type only on old records, and 429 above 200 requests per
 * minute with the legacy X-Rate-Limit-Limit/Remaining headers on every response.
 */

export const PLANHAT_DEMO_TOKEN = 'demo-planhat-token-8d1e4b7a2c90f356';

type PlanhatUser = Record<string, unknown>;

type Role = { _id: string; name: string; description: string };
const ROLES: [Role, number][] = [
  [{ _id: '000000000000000000000000', name: 'Administrator', description: 'Full access, including ability to edit users and settings' }, 8],
  [{ _id: '5d4278b1c3a9f200159a0a01', name: 'Customer Success Manager', description: 'Manages assigned customers' }, 55],
  [{ _id: '5d4278b1c3a9f200159a0a02', name: 'Sales', description: 'Sales team' }, 22],
  [{ _id: '5d4278b1c3a9f200159a0a03', name: 'Viewer', description: 'Read-only access' }, 15],
];
const TZ_OFFSETS: Record<string, number> = {
  UTC: 0,
  'Europe/Berlin': 1,
  'America/New_York': -5,
  'America/Los_Angeles': -8,
  'Asia/Tokyo': 9,
  'Australia/Sydney': 10,
};

// Bodies are "an object or string" (PH-DOC); plain strings here.
const text = (status: number, message: string): SimResponse => ({ status, text: message, contentType: 'text/plain; charset=utf-8' });

/** Starts the Planhat simulator. */
/**
 * `maxLimit` caps users per page below what the client asks for: Planhat's maximum `limit` is
 * UNCONFIRMED, so a client must not read a short page as the end.
 */
export async function startPlanhatSimulator(
  options: SimulatorOptions & { token?: string; maxLimit?: number } = {},
): Promise<SimulatorHandle> {
  const seed = options.seed ?? 3;
  const count = options.users ?? 300;
  const reference = options.referenceTime ?? todayUtcMs();
  const token = options.token ?? PLANHAT_DEMO_TOKEN;

  const render = (index: number): PlanhatUser => {
    const u = seededUser(seed, index, reference, 'success.example');
    const role = pickWeighted(() => u.roll, ROLES);
    const created = new Date(u.createdMs).toISOString();
    const user: PlanhatUser = {
      _id: ids.objectId(seed, index),
      image: { path: '' },
      firstName: u.firstName,
      lastName: u.lastName,
      nickName: u.firstName,
      email: u.email,
      isHidden: false,
      removed: false,
      inactive: !u.active,
      compressedView: false,
      roles: [{ ...role }],
      tzOffset: TZ_OFFSETS[u.timeZone] ?? 0,
      createDate: created,
      createdAt: created,
      updatedAt: new Date(u.lastLoginMs ?? u.createdMs).toISOString(),
      __v: 0,
    };
    // Legacy fields (not in Planhat's current docs) appear only on old records.
    if (u.legacy) {
      user.isAdmin = role.name === 'Administrator';
      user.isDeveloper = u.roll > 0.9;
      user.type = role.name === 'Administrator' ? 'admin' : 'user';
    }
    return user;
  };
  const store = new UserStore<PlanhatUser>(count, render);
  const find = (id: string) => indexOfId(store, id, ids.objectIdIndex, (i) => ids.objectId(seed, i));
  /** Single GETs return role ids, lists return role objects (PH-HULL). */
  const withRoleIds = (u: PlanhatUser): PlanhatUser => ({
    ...u,
    roles: (u.roles as { _id: string }[]).map((r) => (typeof r === 'string' ? r : r._id)),
  });

  const list = (req: SimRequest): SimResponse => {
    // Default and maximum limit are UNCONFIRMED; Airbyte pages 10000 at a time.
    const limit = intParam(req.query.get('limit'), 100, 0, options.maxLimit ?? 10_000);
    const offset = intParam(req.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
    const email = req.query.get('email')?.toLowerCase();
    const page: PlanhatUser[] = [];
    if (email) {
      for (const i of store.indicesFrom(0)) {
        const u = store.get(i) as PlanhatUser;
        if (u.email === email) page.push(u);
      }
      return { status: 200, body: page.slice(offset, offset + limit) };
    }
    for (const i of store.indicesFrom(offset)) {
      if (page.length >= limit) break;
      page.push(store.get(i) as PlanhatUser);
    }
    return { status: 200, body: page };
  };

  const routes: SimRoute[] = [
    { method: 'GET', pattern: '/users', handle: list },
    {
      method: 'GET',
      pattern: '/users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        // Planhat documents only 200/206/400/403/500; 404 for an unknown id is UNCONFIRMED.
        if (index === undefined) return text(404, 'User not found');
        return { status: 200, body: withRoleIds(store.get(index) as PlanhatUser) };
      },
    },
    {
      method: 'PUT',
      pattern: '/users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        if (index === undefined) return text(404, 'User not found');
        const patch = req.body;
        if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return text(400, 'Invalid body: expected a JSON object');
        // PUT is a partial update (PH-MCP); _id cannot change.
        const next: PlanhatUser = { ...(store.get(index) as PlanhatUser), ...(patch as PlanhatUser), _id: ids.objectId(seed, index) };
        next.updatedAt = new Date().toISOString();
        store.set(index, next);
        return { status: 200, body: withRoleIds(next) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        if (index === undefined) return text(404, 'User not found');
        store.delete(index);
        // Status and body of a user DELETE are UNCONFIRMED; Mongo-style counts as other models return.
        return { status: 200, body: { n: 1, ok: 1, deletedCount: 1 } };
      },
    },
  ];

  const server = await startSimServer({
    seed,
    routes,
    rateLimit: options.rateLimit ?? { kind: 'fixed', limit: 200, windowMs: 60_000 },
    faults: options.faults,
    port: options.port,
    vendor: {
      contentType: 'application/json; charset=utf-8',
      authenticate(req) {
        const header = req.headers.authorization ?? '';
        const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1];
        const basic = /^Basic\s+(.+)$/i.exec(header)?.[1];
        const ok = bearer === token || (basic !== undefined && Buffer.from(basic, 'base64').toString('utf8') === `${token}:`);
        // 401 for a bad token is UNCONFIRMED (PH-GO: a wrong region answers "unauthorized").
        return ok ? token : text(401, 'Unauthorized');
      },
      throttle: (_d, retryAfterSeconds) => ({
        ...text(429, 'Too many requests'),
        ...(retryAfterSeconds !== undefined ? { headers: { 'Retry-After': String(retryAfterSeconds) } } : {}),
      }),
      serverError: () => text(500, 'Internal Server Error'),
      notFound: () => text(404, 'Not found'),
      rateHeaders: (d) => ({ 'X-Rate-Limit-Limit': String(d.limit), 'X-Rate-Limit-Remaining': String(Math.max(0, d.remaining)) }),
    },
  });
  return {
    ...server,
    credentials: { token },
    state: userStateOf(store, (i) => ids.objectId(seed, i), find),
  };
}
