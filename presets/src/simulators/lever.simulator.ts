import { intParam, type SimulatorHandle, type SimulatorOptions } from './sim-common';
import { startSimServer, type SimRequest, type SimResponse, type SimRoute } from './sim-server';
import { ids, indexOfId, pickWeighted, seededUser, todayUtcMs, UserStore, userStateOf } from './seeded-users';

/**
 * Lever Data API v1 simulator (shared/vendors.md §2): Basic auth with the key as username and an
 * empty password, `{"data":…}` envelopes, opaque `next` offset tokens with `hasNext`, active users
 * only unless includeDeactivated=true, deactivate/reactivate POSTs returning the user,
 * `{code,message}` errors, and 429 above 10 requests/s (bursts of 20) per key.
 */

export const LEVER_DEMO_API_KEY = 'demo-lever-key-5f0c2a9e71b84d36';

type LeverUser = Record<string, unknown>;

const ROLES = [
  ['interviewer', 45],
  ['team member', 25],
  ['limited team member', 15],
  ['admin', 10],
  ['super admin', 5],
] as const;

const error = (status: number, code: string, message: string): SimResponse => ({ status, body: { code, message } });

const encodeOffset = (index: number) => Buffer.from(JSON.stringify({ i: index })).toString('base64url');
function decodeOffset(token: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { i?: unknown };
    return typeof parsed.i === 'number' && Number.isInteger(parsed.i) && parsed.i >= 0 ? parsed.i : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the Lever simulator. */
export async function startLeverSimulator(options: SimulatorOptions & { apiKey?: string } = {}): Promise<SimulatorHandle> {
  const seed = options.seed ?? 2;
  const count = options.users ?? 300;
  const reference = options.referenceTime ?? todayUtcMs();
  const apiKey = options.apiKey ?? LEVER_DEMO_API_KEY;

  const render = (index: number): LeverUser => {
    const u = seededUser(seed, index, reference, 'hireco.example');
    return {
      id: ids.uuid(seed, index),
      name: `${u.firstName} ${u.lastName}`,
      username: u.username,
      email: u.email,
      createdAt: u.createdMs,
      deactivatedAt: u.active ? null : Math.max(u.createdMs, (u.lastLoginMs ?? u.createdMs) + 86_400_000),
      externalDirectoryId: index % 3 === 0 ? String(2_000_000 + index) : null,
      accessRole: pickWeighted(() => u.roll, ROLES),
      photo: null,
      linkedContactIds: [],
      jobTitle: u.jobTitle,
      managerId: null,
    };
  };
  const store = new UserStore<LeverUser>(count, render);
  const find = (id: string) => indexOfId(store, id, ids.uuidIndex, (i) => ids.uuid(seed, i));

  const list = (req: SimRequest): SimResponse => {
    const limit = intParam(req.query.get('limit'), 100, 1, 100);
    const offset = req.query.get('offset');
    let from = 0;
    if (offset !== null) {
      const decoded = decodeOffset(offset);
      if (decoded === undefined) {
        return error(400, 'BadRequestError', 'You can only pass in an offset that was returned to you via a previously paginated request');
      }
      from = decoded;
    }
    const withDeactivated = req.query.get('includeDeactivated') === 'true';
    const email = req.query.get('email')?.toLowerCase();
    const roles = req.query.getAll('accessRole');
    const match = (u: LeverUser) =>
      (withDeactivated || u.deactivatedAt === null) &&
      (!email || u.email === email) &&
      (roles.length === 0 || roles.includes(String(u.accessRole)));
    const data: LeverUser[] = [];
    let i = from;
    for (; i < count && data.length < limit; i++) {
      const u = store.get(i);
      if (u && match(u)) data.push(u);
    }
    let hasNext = false;
    for (let j = i; j < count; j++) {
      const u = store.get(j);
      if (u && match(u)) {
        hasNext = true;
        break;
      }
    }
    return { status: 200, body: hasNext ? { data, hasNext, next: encodeOffset(i) } : { data, hasNext } };
  };

  const setActive = (active: boolean) => (req: SimRequest): SimResponse => {
    const index = find(req.params.id ?? '');
    if (index === undefined) return error(404, 'ResourceNotFound', 'user was not found');
    const user = store.get(index) as LeverUser;
    // Repeating a (de)activation is accepted and leaves the user as it is (UNCONFIRMED).
    if (active) user.deactivatedAt = null;
    else if (user.deactivatedAt === null) user.deactivatedAt = Date.now();
    store.set(index, user);
    return { status: 200, body: { data: user } };
  };

  const routes: SimRoute[] = [
    { method: 'GET', pattern: '/v1/users', handle: list },
    {
      method: 'GET',
      pattern: '/v1/users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        const user = index === undefined ? undefined : store.get(index);
        // LEV-GO expects 404 for deactivated users too (mocked, UNCONFIRMED against live Lever).
        if (!user || user.deactivatedAt !== null) return error(404, 'ResourceNotFound', 'user was not found');
        return { status: 200, body: { data: user } };
      },
    },
    { method: 'POST', pattern: '/v1/users/:id/deactivate', userParam: 'id', handle: setActive(false) },
    { method: 'POST', pattern: '/v1/users/:id/reactivate', userParam: 'id', handle: setActive(true) },
  ];

  const server = await startSimServer({
    seed,
    routes,
    rateLimit: options.rateLimit ?? { kind: 'tokenBucket', ratePerSecond: 10, burst: 20 },
    faults: options.faults,
    port: options.port,
    vendor: {
      contentType: 'application/json; charset=utf-8',
      authenticate(req) {
        const header = req.headers.authorization ?? '';
        const m = /^Basic\s+(.+)$/i.exec(header);
        const decoded = m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : '';
        if (decoded !== `${apiKey}:`) return error(401, 'UnauthorizedError', 'Invalid API key. Use Basic auth with the API key as username.');
        return apiKey;
      },
      throttle: (_d, retryAfterSeconds) => ({
        ...error(429, 'TooManyRequests', 'Rate limit exceeded. Please slow down.'),
        ...(retryAfterSeconds !== undefined ? { headers: { 'Retry-After': String(retryAfterSeconds) } } : {}),
      }),
      serverError: () => error(500, 'InternalServerError', 'An unexpected error occurred.'),
      notFound: () => error(404, 'ResourceNotFound', 'resource was not found'),
    },
  });
  return {
    ...server,
    url: `${server.url}/v1`,
    credentials: { apiKey },
    state: userStateOf(store, (i) => ids.uuid(seed, i), find),
  };
}
