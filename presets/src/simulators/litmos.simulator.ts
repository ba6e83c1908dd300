import { isoSeconds, intParam, matchesSearch, type SimulatorHandle, type SimulatorOptions } from './sim-common';
import { startSimServer, type SimRequest, type SimResponse, type SimRoute } from './sim-server';
import { ids, indexOfId, pickWeighted, seededUser, todayUtcMs, UserStore, userStateOf } from './seeded-users';

/**
 * SAP Litmos REST v1 simulator (shared/vendors.md §1): `apikey` header (or ?apikey=), mandatory
 * `source`, JSON only with format=json (otherwise a minimal XML body, the vendor default), bare
 * arrays paged by start/limit ending with `[]`, PUT replaces the whole user (omitted fields
 * reset), 200 with empty bodies for PUT/DELETE, `{"Detail"}` errors, and 503 "rating limit"
 * after 100 requests per rolling 60 s per API key.
 */

export const LITMOS_DEMO_API_KEY = 'c0ffee00-demo-4b1d-9a7e-litmos000001';

type LitmosUser = Record<string, unknown>;

// "Administrator" as a wire value is UNCONFIRMED; Learner / Team_Leader / Account_Owner are recorded.
const ROLES = [
  ['Learner', 85],
  ['Team_Leader', 9],
  ['Administrator', 5],
  ['Account_Owner', 1],
] as const;

/** Every field of a full Litmos user, in the vendor's (order-sensitive) order, with reset values. */
const FULL_FIELDS: [string, unknown][] = [
  ['Id', null], ['UserName', null], ['FirstName', null], ['LastName', null], ['FullName', null], ['Email', null],
  ['AccessLevel', 'Learner'], ['DisableMessages', false], ['Active', false], ['Skype', null], ['PhoneWork', null],
  ['PhoneMobile', null], ['LastLogin', null], ['LoginKey', null], ['IsCustomUsername', false], ['Password', ''],
  ['SkipFirstLogin', false], ['TimeZone', 'UTC'], ['SalesforceId', null], ['OriginalId', null], ['Street1', null],
  ['Street2', null], ['City', null], ['State', null], ['PostalCode', null], ['Country', null], ['CompanyName', null],
  ['JobTitle', null], ['CustomField1', null], ['Culture', 'en-US'], ['SalesforceContactId', null],
  ['SalesforceAccountId', null], ['CreatedDate', null], ['Points', 0], ['Brand', null], ['ManagerId', null],
  ['ManagerName', null],
];
const FIELD_ORDER = new Map(FULL_FIELDS.map(([key], i) => [key, i]));
const REQUIRED_ON_WRITE = ['AccessLevel', 'Active', 'DisableMessages', 'Email', 'Id', 'IsCustomUsername', 'LastName', 'SkipFirstLogin', 'TimeZone', 'UserName'];
/** Server-managed fields a PUT cannot change. */
const READ_ONLY = ['Id', 'OriginalId', 'CreatedDate', 'LastLogin', 'LoginKey'];
const SUMMARY_FIELDS = ['Id', 'UserName', 'FirstName', 'LastName', 'Active', 'Email', 'AccessLevel', 'Brand'];

const detail = (status: number, message: string): SimResponse => ({ status, body: { Detail: message } });

function toXml(name: string, value: unknown): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (Array.isArray(value)) return `<${name}>${value.map((v) => toXml(name.replace(/s$/, ''), v)).join('')}</${name}>`;
  if (value && typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => toXml(k, v)).join('')}</${name}>`;
  }
  return value === null || value === undefined ? `<${name} />` : `<${name}>${esc(String(value))}</${name}>`;
}

/** Starts the Litmos simulator. */
export async function startLitmosSimulator(options: SimulatorOptions & { apiKey?: string } = {}): Promise<SimulatorHandle> {
  const seed = options.seed ?? 1;
  const count = options.users ?? 500;
  const reference = options.referenceTime ?? todayUtcMs();
  const apiKey = options.apiKey ?? LITMOS_DEMO_API_KEY;

  const render = (index: number): LitmosUser => {
    const u = seededUser(seed, index, reference, 'pieshop.example');
    const id = ids.litmos(seed, index);
    const user: LitmosUser = {
      Id: id,
      UserName: u.email,
      FirstName: u.firstName,
      LastName: u.lastName,
      FullName: `${u.firstName} ${u.lastName}`,
      Email: u.email,
      AccessLevel: pickWeighted(() => u.roll, ROLES),
      DisableMessages: false,
      Active: u.active,
      Skype: null,
      PhoneWork: null,
      PhoneMobile: null,
      LastLogin: u.lastLoginMs === null ? null : isoSeconds(u.lastLoginMs),
      LoginKey: `https://pieshop.litmos.com//login.aspx?loginkey=${id}`,
      IsCustomUsername: false,
      Password: '',
      SkipFirstLogin: true,
      TimeZone: u.timeZone,
      SalesforceId: null,
      OriginalId: 4_000_000 + index,
      Street1: null,
      Street2: null,
      City: null,
      State: null,
      PostalCode: null,
      Country: null,
      CompanyName: 'Pie Shop',
      JobTitle: u.jobTitle,
      CustomField1: null,
      Culture: 'en-US',
      SalesforceContactId: null,
      SalesforceAccountId: null,
      CreatedDate: isoSeconds(u.createdMs),
      Points: Math.floor(u.roll * 5000),
      Brand: 'Default',
      ManagerId: null,
      ManagerName: null,
    };
    return user;
  };
  const store = new UserStore<LitmosUser>(count, render);
  const find = (id: string) => indexOfId(store, id, ids.litmosIndex, (i) => ids.litmos(seed, i));

  /** JSON only when format=json; otherwise Litmos' default XML. */
  const answer = (req: SimRequest, status: number, body: unknown, root: string): SimResponse =>
    req.query.get('format')?.toLowerCase() === 'json'
      ? { status, body }
      : { status, text: `<?xml version="1.0" encoding="utf-8"?>${toXml(root, body)}`, contentType: 'application/xml; charset=utf-8' };

  const list = (req: SimRequest, shape: (u: LitmosUser) => LitmosUser): SimResponse => {
    // Default page = the first 100 users; limit max 1000 (LIT-USR / LIT-OAS).
    const limit = intParam(req.query.get('limit'), 100, 0, 1000);
    const start = intParam(req.query.get('start'), 0, 0, Number.MAX_SAFE_INTEGER);
    const search = req.query.get('search');
    const activeOnly = req.query.get('showInactive')?.toLowerCase() === 'false';
    const since = req.query.get('since');
    if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since)) return detail(406, 'The since parameter must be a date (yyyy-MM-dd).');
    const page: LitmosUser[] = [];
    if (!search && !activeOnly) {
      for (const i of store.indicesFrom(start)) {
        if (page.length >= limit) break;
        page.push(shape(store.get(i) as LitmosUser));
      }
    } else {
      let skipped = 0;
      for (const i of store.indicesFrom(0)) {
        if (page.length >= limit) break;
        const u = store.get(i) as LitmosUser;
        if (activeOnly && u.Active !== true) continue;
        if (search && !matchesSearch(u, ['UserName', 'Email', 'FirstName', 'LastName', 'FullName'], search)) continue;
        if (skipped++ < start) continue;
        page.push(shape(u));
      }
    }
    return answer(req, 200, page, 'Users');
  };
  const summary = (u: LitmosUser) => Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, u[k]]));

  const routes: SimRoute[] = [
    { method: 'GET', pattern: '/v1.svc/users', handle: (req) => list(req, summary) },
    { method: 'GET', pattern: '/v1.svc/users/details', handle: (req) => list(req, (u) => u) },
    {
      method: 'GET',
      pattern: '/v1.svc/users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        if (index === undefined) return detail(404, `User - ${req.params.id} was not found`);
        return answer(req, 200, store.get(index), 'User');
      },
    },
    {
      method: 'PUT',
      pattern: '/v1.svc/users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        const body = req.body as Record<string, unknown> | undefined;
        if (!body || typeof body !== 'object' || Array.isArray(body)) return detail(400, 'The request body is not a valid user.');
        // LIT-OAS: 404 when the body's Id differs from the URL id.
        if (index === undefined || body.Id !== req.params.id) return detail(404, `User - ${req.params.id} was not found`);
        // LIT-OAS: the field list is order-sensitive; reject bodies whose known fields are out of order.
        const order = Object.keys(body).map((k) => FIELD_ORDER.get(k)).filter((n): n is number => n !== undefined);
        if (order.some((n, i) => i > 0 && n < (order[i - 1] as number))) return detail(400, 'The user fields are not in the expected order.');
        const missing = REQUIRED_ON_WRITE.filter((f) => body[f] === undefined);
        if (missing.length) return detail(400, `Missing required fields: ${missing.join(', ')}`);
        const current = store.get(index) as LitmosUser;
        // A PUT replaces the user: omitted fields fall back to their reset values.
        const next: LitmosUser = {};
        for (const [key, reset] of FULL_FIELDS) {
          next[key] = READ_ONLY.includes(key) ? current[key] : key in body ? body[key] : reset;
        }
        next.FullName = `${String(next.FirstName ?? '')} ${String(next.LastName ?? '')}`.trim();
        store.set(index, next);
        return { status: 200 };
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1.svc/users/:id',
      userParam: 'id',
      handle: (req) => {
        const index = find(req.params.id ?? '');
        if (index === undefined) return detail(404, 'No user with this id exists in your organization');
        store.delete(index);
        return { status: 200 };
      },
    },
  ];

  const server = await startSimServer({
    seed,
    routes,
    rateLimit: options.rateLimit ?? { kind: 'rolling', limit: 100, windowMs: 60_000 },
    faults: options.faults,
    port: options.port,
    vendor: {
      contentType: 'application/json; charset=utf-8',
      // Litmos escapes "/" as "\/" in JSON (recorded).
      serialize: (body) => JSON.stringify(body).replace(/\//g, '\\/'),
      authenticate(req) {
        const header = req.headers.apikey;
        const key = (Array.isArray(header) ? header[0] : header) ?? req.query.get('apikey') ?? '';
        if (key !== apiKey) {
          return detail(401, 'The API key that you have used for this request is either not valid or your account is not enabled for API access.');
        }
        if (!req.query.get('source')) return detail(400, 'The source parameter is required.');
        return key;
      },
      throttle: (_decision, retryAfterSeconds) => ({
        ...detail(503, 'Service Unavailable. The API rating limit has been exceeded.'),
        // Real Litmos sends no Retry-After; injected faults may add one.
        ...(retryAfterSeconds !== undefined ? { headers: { 'Retry-After': String(retryAfterSeconds) } } : {}),
      }),
      serverError: () => detail(500, 'An error has occurred.'),
      notFound: () => detail(404, 'The requested resource was not found.'),
    },
  });
  return {
    ...server,
    url: `${server.url}/v1.svc`,
    credentials: { apiKey, source: 'rolecall' },
    state: userStateOf(store, (i) => ids.litmos(seed, i), find),
  };
}
