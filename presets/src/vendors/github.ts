import { z } from 'zod';
import { definePreset } from '../preset.schema';

const GH_MEM = 'https://docs.github.com/en/rest/orgs/members';
const GH_RL = 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api';

/** GitHub organization members (REST). Facts: shared/vendors.md §4a. Users are keyed by login. */
export const github = definePreset({
  id: 'github',
  name: 'GitHub organization',
  description: 'Members of one GitHub organization via the GitHub REST API.',
  docsUrl: GH_MEM,
  regions: [{ id: 'github-com', label: 'github.com', baseUrl: 'https://api.github.com' }],
  customBaseUrl: { label: 'GitHub Enterprise Server API URL', placeholder: 'https://github.example.com/api/v3' },
  auth: [
    {
      id: 'token',
      kind: 'bearer',
      label: 'Access token',
      tokenField: 'token',
      fields: [
        {
          key: 'token',
          label: 'Access token',
          secret: true,
          description: 'Fine-grained token with the organization "Members" permission (write to remove members).',
        },
        { key: 'org', label: 'Organization', secret: false, placeholder: 'my-org' },
      ],
    },
  ],
  defaultHeaders: { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
  rateLimit: {
    doc: GH_RL,
    requests: 5_000,
    perMs: 3_600_000,
    // The budget is hourly, so short bursts are fine; x-ratelimit-* headers say when to stop.
    burst: 50,
    description: '5,000 requests/hour per token',
    throttleSignals: [
      { status: 403, header: { name: 'x-ratelimit-remaining', equals: '0' } },
      { status: 403, bodyIncludes: 'secondary rate limit' },
    ],
    // GH-RL: without retry-after or a reset header, wait at least one minute.
    defaultRetryAfterMs: 60_000,
    headers: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetKind: 'epochSeconds' },
  },
  errorMessagePaths: ['message'],
  userIdField: 'login',
  userSchema: z.looseObject({ login: z.string().min(1), id: z.number().nullish() }),
  operations: {
    // GH-MEM: GET /orgs/{org}/members?role=admin|member — simple-users without a role, per_page ≤ 100, Link header paging.
    listUsers: {
      method: 'GET',
      path: '/orgs/{credentials.org}/members',
      query: { filter: 'all' },
      doc: GH_MEM,
      pagination: { kind: 'linkHeader', limitParam: 'per_page', pageSize: 100 },
      // The listing has no role field but filters by it: admins, then members, gives every role.
      phases: [
        { query: { role: 'admin' }, set: { role: 'admin' } },
        { query: { role: 'member' }, set: { role: 'member' } },
      ],
    },
    // GH-MEM: GET /orgs/{org}/memberships/{username} — {state, role, user}.
    getUser: {
      method: 'GET',
      path: '/orgs/{credentials.org}/memberships/{id}',
      userPath: 'user',
      extraFields: { role: 'role', state: 'state' },
      doc: GH_MEM,
    },
    // GH-MEM: the role ("admin", "member", "billing_manager"): tagged on listed users, else from the membership.
    getUserRole: { from: ['role'], transform: 'string', doc: GH_MEM },
    // GH-MEM: DELETE /orgs/{org}/members/{username} → 204; removes team and repository access too.
    deleteUser: { method: 'DELETE', path: '/orgs/{credentials.org}/members/{id}', doc: GH_MEM },
    // GH-MEM: GET /orgs/{org}/members?per_page=1 — checks the token and its access to the org.
    testCredentials: { method: 'GET', path: '/orgs/{credentials.org}/members', query: { per_page: '1' }, doc: GH_MEM },
  },
  actions: [
    {
      id: 'userRole',
      label: 'GitHub SaaS User Role',
      description: "Reads the member's organization role (admin, member, billing_manager).",
      operation: 'getUserRole',
      inventoryEffect: 'none',
      destructive: false,
    },
    {
      id: 'deleteUser',
      label: 'GitHub Remove Member',
      description: 'Removes the user from the organization (and its teams and repositories). GitHub has no deactivation.',
      operation: 'deleteUser',
      inventoryEffect: 'remove',
      destructive: true,
    },
  ],
  fields: [
    // simple-user's optional name/email are public-profile fields the member listing leaves out.
    { key: 'email', label: 'Email', type: 'string', needsDetailCall: true },
    { key: 'id', label: 'Id', type: 'number' },
    { key: 'login', label: 'Login', type: 'string' },
    { key: 'name', label: 'Name', type: 'string', needsDetailCall: true },
    { key: 'role', label: 'Organization role', type: 'string' },
    { key: 'site_admin', label: 'Site admin?', type: 'boolean' },
    { key: 'state', label: 'Membership state', type: 'string', needsDetailCall: true },
    { key: 'type', label: 'Type', type: 'string' },
  ],
  defaultMapping: {
    externalId: { from: ['login'] },
    username: { from: ['login'] },
    // Tagged by the role-filtered listing phases.
    role: { from: ['role'] },
    // The listing returns active members only; pending invitations are not members yet.
    active: { default: true },
  },
  // GH-MEM: logins (and numeric ids) identify one account; the listing has no email.
  syncKeyFields: ['externalId', 'username'],
});
