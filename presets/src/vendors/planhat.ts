import { z } from 'zod';
import { definePreset } from '../preset.schema';

const PH_USER = 'https://www.planhat.com/developers/api/user';
const PH_AUTH = 'https://www.planhat.com/developers/api/authentication-limits';

const tokenField = {
  key: 'token',
  label: 'API access token',
  secret: true,
  description: 'Service account token (Settings → Service Accounts); it never expires.',
};

/** Planhat REST API. Facts: shared/vendors.md §3. */
export const planhat = definePreset({
  id: 'planhat',
  name: 'Planhat',
  description: 'Planhat users (team members) via the Planhat REST API.',
  docsUrl: PH_USER,
  regions: [
    { id: 'default', label: 'Default (api.planhat.com)', baseUrl: 'https://api.planhat.com' },
    { id: 'eu', label: 'Europe (api-eu)', baseUrl: 'https://api-eu.planhat.com' },
    // Further clusters come from a client README only (UNCONFIRMED officially).
    { id: 'eu2', label: 'Europe 2 (api-eu2)', baseUrl: 'https://api-eu2.planhat.com' },
    { id: 'eu3', label: 'Europe 3 (api-eu3)', baseUrl: 'https://api-eu3.planhat.com' },
    { id: 'us2', label: 'United States 2 (api-us2)', baseUrl: 'https://api-us2.planhat.com' },
  ],
  auth: [
    { id: 'bearer', kind: 'bearer', label: 'Bearer token', tokenField: 'token', fields: [tokenField] },
    { id: 'basic', kind: 'basic', label: 'Basic auth (token as username)', usernameField: 'token', fields: [tokenField] },
  ],
  rateLimit: {
    doc: PH_AUTH,
    requests: 200,
    perMs: 60_000,
    description: '200 requests/minute (soft quota; hard limit 150 requests/second)',
    // Legacy docs: the quota resets every 60–120 s; no Retry-After documented.
    defaultRetryAfterMs: 60_000,
  },
  // Error bodies are "an object or string"; the runtime falls back to a string body.
  errorMessagePaths: ['message', 'error'],
  userIdField: '_id',
  userSchema: z.looseObject({
    _id: z.string().min(1),
    email: z.string().nullish(),
    inactive: z.boolean().nullish(),
    roles: z.array(z.unknown()).nullish(),
  }),
  operations: {
    // PH-DOC/PH-AB: GET /users?limit=&offset= — bare array, numeric offset, no total or next field.
    listUsers: {
      method: 'GET',
      path: '/users',
      doc: PH_USER,
      // The maximum limit is UNCONFIRMED (Airbyte asks for 10000): Planhat may serve fewer than we
      // ask, so a short page is not the end; 1000 keeps bodies small.
      pagination: { kind: 'offset', offsetParam: 'offset', limitParam: 'limit', pageSize: 1000 },
    },
    // PH-HULL/PH-MCP: GET /users/{_id} — the bare user object.
    getUser: { method: 'GET', path: '/users/{id}', doc: PH_USER },
    // PH-DOC: `roles` is an array of role ids (list responses carry role objects with names).
    getUserRole: { from: ['roles'], transform: 'list', doc: PH_USER },
    // PH-DOC/PH-MCP: PUT /users/{_id} {"inactive": true} — a partial update.
    deactivateUser: { method: 'PUT', path: '/users/{id}', body: { kind: 'json', value: { inactive: true } }, doc: PH_USER },
    // PH-DOC/PH-MCP: PUT /users/{_id} {"inactive": false}.
    reactivateUser: { method: 'PUT', path: '/users/{id}', body: { kind: 'json', value: { inactive: false } }, doc: PH_USER },
    // PH-MCP: DELETE /users/{_id} — status code and body UNCONFIRMED.
    deleteUser: { method: 'DELETE', path: '/users/{id}', doc: PH_USER },
    // PH-AUTH: GET /users?limit=1 — the cheapest authenticated call.
    testCredentials: { method: 'GET', path: '/users', query: { limit: '1', offset: '0' }, doc: PH_AUTH },
  },
  actions: [
    {
      id: 'userRole',
      label: 'Planhat SaaS User Role',
      description: "Reads the user's Planhat roles.",
      operation: 'getUserRole',
      inventoryEffect: 'none',
      destructive: false,
    },
    {
      id: 'deactivateUser',
      label: 'Planhat Deactivate User',
      description: 'Marks the user inactive in Planhat (no login, no notifications; still assignable).',
      operation: 'deactivateUser',
      inventoryEffect: 'markInactive',
      destructive: true,
    },
    {
      id: 'reactivateUser',
      label: 'Planhat Reactivate User',
      description: 'Marks the user active again in Planhat.',
      operation: 'reactivateUser',
      inventoryEffect: 'markActive',
      destructive: false,
    },
    {
      id: 'deleteUser',
      label: 'Planhat Delete User',
      description: 'Deletes the user from Planhat.',
      operation: 'deleteUser',
      inventoryEffect: 'remove',
      destructive: true,
    },
  ],
  fields: [
    { key: 'createDate', label: 'Creation Date', type: 'datetime' },
    { key: 'email', label: 'Email', type: 'string' },
    { key: 'firstName', label: 'First Name', type: 'string' },
    // isAdmin / isDeveloper / type are in the seeds but not in Planhat's current docs.
    { key: 'isAdmin', label: 'Is Admin?', type: 'boolean', legacy: true },
    { key: 'isDeveloper', label: 'Is Developer?', type: 'boolean', legacy: true },
    { key: 'inactive', label: 'Is Inactive?', type: 'boolean' },
    { key: 'lastName', label: 'Last Name', type: 'string' },
    { key: 'nickName', label: 'Nickname', type: 'string' },
    { key: 'roles', label: 'Roles', type: 'list' },
    { key: 'tzOffset', label: 'Time Zone Offset', type: 'number' },
    { key: 'type', label: 'Type', type: 'string', legacy: true },
    { key: '_id', label: 'User Id', type: 'string' },
    { key: '__v', label: 'Version', type: 'number' },
  ],
  defaultMapping: {
    externalId: { from: ['_id'] },
    email: { from: ['email'] },
    firstName: { from: ['firstName'] },
    lastName: { from: ['lastName'] },
    role: { from: ['roles'], transform: 'list' },
    active: { from: ['inactive'], transform: 'not' },
    createdAt: { from: ['createDate', 'createdAt'], transform: 'isoDate' },
  },
  // Planhat has no username: nickName is a display name shared by many users, never a key.
  // PH-OLD documents GET /users?email= as the lookup of one user, so email identifies a user.
  syncKeyFields: ['externalId', 'email'],
});
