import { z } from 'zod';
import { definePreset } from '../preset.schema';

const RFC7644 = 'https://www.rfc-editor.org/rfc/rfc7644';
const RFC7643 = 'https://www.rfc-editor.org/rfc/rfc7643';

/** Generic SCIM 2.0 service provider: one preset for every SCIM-speaking app. Facts: shared/vendors.md §4b. */
export const scim = definePreset({
  id: 'scim',
  name: 'SCIM 2.0',
  description: 'Any app that exposes a SCIM 2.0 /Users endpoint (RFC 7644).',
  docsUrl: RFC7644,
  regions: [],
  customBaseUrl: { label: 'SCIM base URL', placeholder: 'https://example.com/scim/v2' },
  auth: [
    {
      id: 'bearer',
      kind: 'bearer',
      label: 'Bearer token',
      tokenField: 'token',
      fields: [
        { key: 'token', label: 'SCIM token', secret: true },
        {
          key: 'filter',
          label: 'User filter',
          secret: false,
          required: false,
          placeholder: 'userType eq "Employee"',
          description: 'Optional SCIM filter (RFC 7644 §3.4.2.2) restricting which users are loaded.',
        },
      ],
    },
  ],
  defaultHeaders: { Accept: 'application/scim+json, application/json' },
  rateLimit: {
    requests: 60,
    perMs: 60_000,
    // RFC 7644 defines no rate limit: a conservative default the integration can override.
    description: '60 requests/minute (conservative default; SCIM defines no limit)',
    defaultRetryAfterMs: 10_000,
  },
  errorMessagePaths: ['detail', 'message'],
  userIdField: 'id',
  userSchema: z.looseObject({
    id: z.string().min(1),
    userName: z.string().nullish(),
    active: z.union([z.boolean(), z.string()]).nullish(),
  }),
  operations: {
    // RFC 7644 §3.4.2: GET /Users?filter=&startIndex=&count= → ListResponse {totalResults, itemsPerPage, Resources}.
    listUsers: {
      method: 'GET',
      path: '/Users',
      query: { filter: '{credentials.filter}' },
      itemsPath: 'Resources',
      doc: RFC7644,
      pagination: { kind: 'scim', startIndexParam: 'startIndex', countParam: 'count', pageSize: 100 },
    },
    // RFC 7644 §3.4.1: GET /Users/{id}.
    getUser: { method: 'GET', path: '/Users/{id}', doc: RFC7644 },
    // RFC 7643 §4.1.2: `roles` is multi-valued; `value` is the role, `display` only a label for humans.
    getUserRole: { from: ['roles'], transform: 'values', doc: RFC7643 },
    // RFC 7644 §3.5.2: PATCH /Users/{id} with a PatchOp replacing `active` with false.
    deactivateUser: {
      method: 'PATCH',
      path: '/Users/{id}',
      doc: RFC7644,
      body: {
        kind: 'json',
        value: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        },
      },
    },
    // RFC 7644 §3.5.2: PATCH /Users/{id} replacing `active` with true.
    reactivateUser: {
      method: 'PATCH',
      path: '/Users/{id}',
      doc: RFC7644,
      body: {
        kind: 'json',
        value: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'active', value: true }],
        },
      },
    },
    // RFC 7644 §3.6: DELETE /Users/{id} → 204; later requests for the id answer 404.
    deleteUser: { method: 'DELETE', path: '/Users/{id}', doc: RFC7644 },
    // RFC 7644 §3.4.2.4: GET /Users?count=1 — one user, the cheapest authenticated call.
    testCredentials: { method: 'GET', path: '/Users', query: { startIndex: '1', count: '1' }, doc: RFC7644 },
  },
  actions: [
    {
      id: 'userRole',
      label: 'SCIM SaaS User Role',
      description: "Reads the user's SCIM roles.",
      operation: 'getUserRole',
      inventoryEffect: 'none',
      destructive: false,
    },
    {
      id: 'deactivateUser',
      label: 'SCIM Deactivate User',
      description: 'Sets active=false on the SCIM user (PATCH).',
      operation: 'deactivateUser',
      inventoryEffect: 'markInactive',
      destructive: true,
    },
    {
      id: 'reactivateUser',
      label: 'SCIM Reactivate User',
      description: 'Sets active=true on the SCIM user (PATCH).',
      operation: 'reactivateUser',
      inventoryEffect: 'markActive',
      destructive: false,
    },
    {
      id: 'deleteUser',
      label: 'SCIM Delete User',
      description: 'Deletes the SCIM user (the provider may keep it soft-deleted but hides it).',
      operation: 'deleteUser',
      inventoryEffect: 'remove',
      destructive: true,
    },
  ],
  fields: [
    { key: 'active', label: 'Active?', type: 'boolean' },
    { key: 'meta.created', label: 'Created', type: 'datetime' },
    { key: 'displayName', label: 'Display name', type: 'string' },
    { key: 'emails', label: 'Emails', type: 'list' },
    { key: 'externalId', label: 'External id', type: 'string' },
    { key: 'name.familyName', label: 'Family name', type: 'string' },
    { key: 'name.givenName', label: 'Given name', type: 'string' },
    { key: 'id', label: 'Id', type: 'string' },
    { key: 'meta.lastModified', label: 'Last modified', type: 'datetime' },
    { key: 'roles', label: 'Roles', type: 'list' },
    { key: 'title', label: 'Title', type: 'string' },
    { key: 'userName', label: 'User name', type: 'string' },
    { key: 'userType', label: 'User type', type: 'string' },
  ],
  defaultMapping: {
    externalId: { from: ['id'] },
    email: { from: ['emails'], transform: 'primaryValue' },
    username: { from: ['userName'] },
    firstName: { from: ['name.givenName'] },
    lastName: { from: ['name.familyName'] },
    // RFC 7643 §4.1.2: store roles[].value; map `roles` with transform "list" to a custom field for the display label.
    role: { from: ['roles'], transform: 'values' },
    // Entra sends "True"/"False" strings; 'boolean' accepts both forms.
    active: { from: ['active'], transform: 'boolean' },
    createdAt: { from: ['meta.created'], transform: 'isoDate' },
  },
  // RFC 7643 §3.1 / §4.1.1: `id` and `userName` are unique across the service provider.
  syncKeyFields: ['externalId', 'username'],
});
