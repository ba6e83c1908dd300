import { getPath } from '../mapping';
import { intParam, isoSeconds, type SimulatorHandle, type SimulatorOptions } from './sim-common';
import { startSimServer, type SimRequest, type SimResponse, type SimRoute } from './sim-server';
import { ids, indexOfId, pickWeighted, seededUser, todayUtcMs, UserStore, userStateOf } from './seeded-users';

/**
 * Generic SCIM 2.0 service provider simulator (RFC 7643/7644, shared/vendors.md §4b): Bearer
 * auth, ListResponse with 1-based startIndex/count (capped by `maxCount`), a `filter` subset
 * (eq ne co sw ew pr joined by `and`), PatchOp active=false in the Okta, Entra and path-less
 * variants, DELETE → 204 then 404, SCIM error bodies with string `status`, and 429 + Retry-After.
 */

export const SCIM_DEMO_TOKEN = 'demo-scim-token-3b9f1c6e0d2a4785';

type ScimUser = Record<string, unknown>;

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const ROLES = [
  ['member', 80],
  ['admin', 12],
  ['guest', 5],
  ['owner', 3],
] as const;

const scimError = (status: number, detail: string, scimType?: string): SimResponse => ({
  status,
  body: { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail },
});

type Clause = { attr: string; op: string; value?: string | boolean };

/** Parses the supported filter subset; undefined when invalid. */
export function parseScimFilter(filter: string): Clause[] | undefined {
  const clauses: Clause[] = [];
  for (const part of filter.split(/\s+and\s+/i)) {
    const m = /^\s*([A-Za-z][\w.]*)\s+(eq|ne|co|sw|ew|pr)(?:\s+("(?:[^"\\]|\\.)*"|true|false))?\s*$/i.exec(part);
    if (!m?.[1] || !m[2]) return undefined;
    const op = m[2].toLowerCase();
    if ((op === 'pr') !== (m[3] === undefined)) return undefined;
    const raw = m[3];
    const value = raw === undefined ? undefined : raw === 'true' ? true : raw === 'false' ? false : (JSON.parse(raw) as string);
    clauses.push({ attr: m[1], op, ...(value !== undefined ? { value } : {}) });
  }
  return clauses;
}

function attrValues(user: ScimUser, attr: string): unknown[] {
  // Multi-valued attributes: "emails" means emails.value; "emails.value" walks each entry.
  const [head = '', ...rest] = attr.split('.');
  const key = Object.keys(user).find((k) => k.toLowerCase() === head.toLowerCase());
  const v = key === undefined ? undefined : user[key];
  if (Array.isArray(v)) return v.map((e) => (rest.length ? getPath(e, rest.join('.')) : (e as { value?: unknown }).value));
  return [rest.length ? getPath(v, rest.join('.')) : v];
}

function matches(user: ScimUser, clauses: Clause[]): boolean {
  return clauses.every(({ attr, op, value }) =>
    attrValues(user, attr).some((actual) => {
      if (op === 'pr') return actual !== undefined && actual !== null && actual !== '';
      if (typeof value === 'boolean') return op === 'eq' ? actual === value : op === 'ne' ? actual !== value : false;
      // String comparisons are case-insensitive for userName and most attributes (RFC 7643 caseExact=false).
      const a = typeof actual === 'string' ? actual.toLowerCase() : undefined;
      const v = (value ?? '').toLowerCase();
      if (a === undefined) return op === 'ne';
      switch (op) {
        case 'eq': return a === v;
        case 'ne': return a !== v;
        case 'co': return a.includes(v);
        case 'sw': return a.startsWith(v);
        case 'ew': return a.endsWith(v);
        default: return false;
      }
    }),
  );
}

/** Reads the new `active` value from a PatchOp in any of the variants IdPs send, or undefined. */
export function patchActive(body: unknown): boolean | undefined {
  const ops = getPath(body, 'Operations');
  if (!Array.isArray(ops)) return undefined;
  let result: boolean | undefined;
  for (const op of ops) {
    if (typeof op !== 'object' || op === null) continue;
    const { op: kind, path, value } = op as { op?: unknown; path?: unknown; value?: unknown };
    if (typeof kind !== 'string' || !['replace', 'add'].includes(kind.toLowerCase())) continue;
    const raw = typeof path === 'string' && path.toLowerCase() === 'active' ? value : path === undefined ? getPath(value, 'active') : undefined;
    if (typeof raw === 'boolean') result = raw;
    else if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) result = raw.toLowerCase() === 'true';
  }
  return result;
}

/**
 * Starts the SCIM simulator. `maxCount` caps items per page like real providers do;
 * `totalResults: 'page'` reports the page's own size as the total, as some providers wrongly do.
 */
export async function startScimSimulator(
  options: SimulatorOptions & { token?: string; maxCount?: number; totalResults?: 'true' | 'page' } = {},
): Promise<SimulatorHandle> {
  const seed = options.seed ?? 4;
  const count = options.users ?? 300;
  const reference = options.referenceTime ?? todayUtcMs();
  const token = options.token ?? SCIM_DEMO_TOKEN;
  const maxCount = options.maxCount ?? 1000;
  let baseUrl = '';

  const render = (index: number): ScimUser => {
    const u = seededUser(seed, index, reference, 'corp.example');
    const id = ids.uuid(seed, index);
    const role = pickWeighted(() => u.roll, ROLES);
    return {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      id,
      externalId: `emp-${100_000 + index}`,
      userName: u.email,
      name: { givenName: u.firstName, familyName: u.lastName, formatted: `${u.firstName} ${u.lastName}` },
      displayName: `${u.firstName} ${u.lastName}`,
      emails: [{ value: u.email, type: 'work', primary: true }],
      active: u.active,
      title: u.jobTitle,
      userType: 'Employee',
      roles: [{ value: role, display: role, primary: true }],
      meta: {
        resourceType: 'User',
        created: isoSeconds(u.createdMs),
        lastModified: isoSeconds(u.lastLoginMs ?? u.createdMs),
        location: `${baseUrl}/Users/${id}`,
        version: `W/"${index}-0"`,
      },
    };
  };
  const store = new UserStore<ScimUser>(count, render);
  const find = (id: string) => indexOfId(store, id, ids.uuidIndex, (i) => ids.uuid(seed, i));

  const list = (req: SimRequest): SimResponse => {
    // RFC 7644 §3.4.2.4: startIndex < 1 is 1; negative count is 0; never more than count.
    const startIndex = intParam(req.query.get('startIndex'), 1, 1, Number.MAX_SAFE_INTEGER);
    const wanted = intParam(req.query.get('count'), maxCount, 0, Number.MAX_SAFE_INTEGER);
    const n = Math.min(wanted, maxCount);
    const filter = req.query.get('filter');
    const listResponse = (total: number, resources: ScimUser[]): SimResponse => ({
      status: 200,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: options.totalResults === 'page' ? resources.length : total,
        itemsPerPage: resources.length,
        startIndex,
        Resources: resources,
      },
    });
    if (filter) {
      const clauses = parseScimFilter(filter);
      if (!clauses) return scimError(400, `The filter "${filter}" is not supported.`, 'invalidFilter');
      const all: ScimUser[] = [];
      for (const i of store.indicesFrom(0)) {
        const u = store.get(i) as ScimUser;
        if (matches(u, clauses)) all.push(u);
      }
      return listResponse(all.length, all.slice(startIndex - 1, startIndex - 1 + n));
    }
    const page: ScimUser[] = [];
    for (const i of store.indicesFrom(startIndex - 1)) {
      if (page.length >= n) break;
      page.push(store.get(i) as ScimUser);
    }
    return listResponse(store.size, page);
  };

  const routes: SimRoute[] = [
    { method: 'GET', pattern: '/scim/v2/Users', handle: list },
    {
      method: 'GET',
      pattern: '/scim/v2/Users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        if (index === undefined) return scimError(404, `Resource ${req.params.id} not found`);
        return { status: 200, body: store.get(index) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/scim/v2/Users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        if (index === undefined) return scimError(404, `Resource ${req.params.id} not found`);
        const active = patchActive(req.body);
        if (active === undefined) return scimError(400, 'Only PatchOp replace of "active" is supported here.', 'invalidSyntax');
        const user = store.get(index) as ScimUser;
        user.active = active;
        user.meta = { ...(user.meta as object), lastModified: isoSeconds(Date.now()) };
        store.set(index, user);
        return { status: 200, body: user };
      },
    },
    {
      method: 'DELETE',
      pattern: '/scim/v2/Users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        if (index === undefined) return scimError(404, `Resource ${req.params.id} not found`);
        store.delete(index);
        return { status: 204 };
      },
    },
  ];

  const server = await startSimServer({
    seed,
    routes,
    rateLimit: options.rateLimit ?? { kind: 'rolling', limit: 60, windowMs: 60_000 },
    faults: options.faults,
    port: options.port,
    vendor: {
      contentType: 'application/scim+json',
      authenticate(req) {
        const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        return bearer === token ? token : scimError(401, 'Authentication failed: invalid bearer token.');
      },
      throttle: (decision, retryAfterSeconds) => ({
        ...scimError(429, 'Too many requests.'),
        headers: { 'Retry-After': String(retryAfterSeconds ?? Math.max(1, Math.ceil((decision.resetAtMs - Date.now()) / 1000))) },
      }),
      serverError: () => scimError(500, 'Internal server error.'),
      notFound: (req) => scimError(404, `No endpoint ${req.method} ${req.path}`),
    },
  });
  baseUrl = `${server.url}/scim/v2`;
  return {
    ...server,
    url: baseUrl,
    credentials: { token },
    state: userStateOf(store, (i) => ids.uuid(seed, i), find),
  };
}
