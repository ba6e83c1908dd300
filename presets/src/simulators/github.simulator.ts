import { intParam, type SimulatorHandle, type SimulatorOptions } from './sim-common';
import type { RateDecision } from './sim-rate-limit';
import { startSimServer, type SimRequest, type SimResponse, type SimRoute } from './sim-server';
import { hash32 } from './seeded-random';
import { indexOfId, pickWeighted, seededUser, todayUtcMs, UserStore, userStateOf } from './seeded-users';

/**
 * GitHub organization members simulator (shared/vendors.md §4a): Bearer token, members paged by
 * per_page (≤ 100) and page with a `link` header, memberships with role and state, DELETE → 204,
 * `{message, documentation_url, status}` errors, x-ratelimit-* headers on every response, 403
 * with remaining 0 when the hourly budget is spent, and 429 + retry-after for secondary limits.
 */

export const GITHUB_DEMO_TOKEN = 'ghp_demoRolecallSimulatorToken0000000001';
export const GITHUB_DEMO_ORG = 'rolecall-demo';

type Member = Record<string, unknown>;
const DOCS = 'https://docs.github.com/rest';

const ghError = (status: number, message: string, extra: Record<string, string> = {}): SimResponse => ({
  status,
  body: { message, documentation_url: `${DOCS}/orgs/members`, status: String(status) },
  headers: extra,
});

/** Starts the GitHub simulator. */
export async function startGithubSimulator(
  options: SimulatorOptions & { token?: string; org?: string } = {},
): Promise<SimulatorHandle> {
  const seed = options.seed ?? 5;
  const count = options.users ?? 250;
  const reference = options.referenceTime ?? todayUtcMs();
  const token = options.token ?? GITHUB_DEMO_TOKEN;
  const org = options.org ?? GITHUB_DEMO_ORG;
  let origin = '';

  const loginOf = (index: number): string => {
    const u = seededUser(seed, index, reference, 'users.noreply.github.example');
    return `${u.firstName}-${u.lastName}`.normalize('NFD').replace(/[^A-Za-z-]/g, '').toLowerCase() + index;
  };
  const loginIndex = (login: string): number => {
    const m = /(\d+)$/.exec(login);
    return m?.[1] ? Number(m[1]) : -1;
  };
  const render = (index: number): Member => {
    const u = seededUser(seed, index, reference, 'users.noreply.github.example');
    const login = loginOf(index);
    const id = 10_000_000 + index * 7 + (seed % 7);
    return {
      login,
      id,
      node_id: Buffer.from(`04:User${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: `https://api.github.com/users/${login}`,
      html_url: `https://github.com/${login}`,
      type: 'User',
      site_admin: false,
      // Membership facts, served by /memberships and stripped from simple-users.
      role: pickWeighted(() => u.roll, [['member', 92], ['admin', 8]] as const),
      // Inactive seeds become pending invitations: not yet members.
      state: u.active || hash32(seed, index, 9) % 4 !== 0 ? 'active' : 'pending',
    };
  };
  const store = new UserStore<Member>(count, render);
  const find = (login: string) => indexOfId(store, login, loginIndex, loginOf);
  const simpleUser = (m: Member): Member => {
    const { role: _role, state: _state, ...user } = m;
    return user;
  };
  const membership = (m: Member): Member => ({
    url: `https://api.github.com/orgs/${org}/memberships/${String(m.login)}`,
    state: m.state,
    role: m.role,
    organization_url: `https://api.github.com/orgs/${org}`,
    organization: { login: org, id: 9_000_001, url: `https://api.github.com/orgs/${org}` },
    user: simpleUser(m),
  });

  const orgGuard = (req: SimRequest): SimResponse | undefined =>
    req.params.org?.toLowerCase() === org.toLowerCase() ? undefined : ghError(404, 'Not Found');

  const list = (req: SimRequest): SimResponse => {
    const bad = orgGuard(req);
    if (bad) return bad;
    const perPage = intParam(req.query.get('per_page'), 30, 1, 100);
    const page = intParam(req.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
    const role = req.query.get('role') ?? 'all';
    if (!['all', 'admin', 'member'].includes(role)) return ghError(422, 'Validation Failed');
    const members: Member[] = [];
    for (const i of store.indicesFrom(0)) {
      const m = store.get(i) as Member;
      if (m.state === 'active' && (role === 'all' || m.role === role)) members.push(m);
    }
    const last = Math.max(1, Math.ceil(members.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(req.query);
      q.set('page', String(p));
      q.set('per_page', String(perPage));
      return `<${origin}${req.path}?${q.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      status: 200,
      body: members.slice((page - 1) * perPage, page * perPage).map(simpleUser),
      ...(links.length ? { headers: { Link: links.join(', ') } } : {}),
    };
  };

  const routes: SimRoute[] = [
    { method: 'GET', pattern: '/orgs/:org/members', handle: list },
    {
      method: 'GET',
      pattern: '/orgs/:org/memberships/:username',
      userParam: 'username',
      handle: (req) => {
        const index = find(req.params.username ?? '');
        return orgGuard(req) ?? (index === undefined ? ghError(404, 'Not Found') : { status: 200, body: membership(store.get(index) as Member) });
      },
    },
    {
      method: 'DELETE',
      pattern: '/orgs/:org/members/:username',
      userParam: 'username',
      handle: (req) => {
        const bad = orgGuard(req);
        if (bad) return bad;
        const index = find(req.params.username ?? '');
        if (index === undefined) return ghError(404, 'Not Found');
        store.delete(index);
        return { status: 204 };
      },
    },
  ];

  const rateHeaders = (d: RateDecision): Record<string, string> => ({
    'x-ratelimit-limit': String(d.limit),
    'x-ratelimit-remaining': String(Math.max(0, d.remaining)),
    'x-ratelimit-used': String(d.used),
    'x-ratelimit-reset': String(Math.ceil(d.resetAtMs / 1000)),
    'x-ratelimit-resource': 'core',
  });
  const server = await startSimServer({
    seed,
    routes,
    rateLimit: options.rateLimit ?? { kind: 'fixed', limit: 5000, windowMs: 3_600_000 },
    faults: options.faults,
    port: options.port,
    vendor: {
      contentType: 'application/json; charset=utf-8',
      authenticate(req) {
        const m = /^(?:Bearer|token)\s+(.+)$/i.exec(req.headers.authorization ?? '');
        return m?.[1] === token ? token : { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
      },
      throttle: (decision, retryAfterSeconds) =>
        decision.allowed
          ? // Secondary limits: 429 with retry-after (GH-RL).
            ghError(429, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {
              'retry-after': String(retryAfterSeconds ?? 60),
            })
          : // Primary budget spent: 403 with remaining 0 and the reset epoch (GH-RL).
            ghError(403, 'API rate limit exceeded for user ID 1.', { 'x-ratelimit-remaining': '0' }),
      serverError: () => ghError(500, 'Server Error'),
      notFound: () => ghError(404, 'Not Found'),
      rateHeaders,
    },
  });
  origin = server.url;
  return {
    ...server,
    credentials: { token, org },
    state: userStateOf(store, loginOf, find),
  };
}
