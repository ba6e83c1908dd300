import { z } from 'zod';
import { definePreset } from '../preset.schema';

const LEV_DOC = 'https://hire.lever.co/developer/documentation';

/** Lever Data API v1. Facts: shared/vendors.md §2. */
export const lever = definePreset({
  id: 'lever',
  name: 'Lever',
  description: 'Lever ATS users via the Lever Data API v1.',
  docsUrl: LEV_DOC,
  regions: [
    { id: 'production', label: 'Production', baseUrl: 'https://api.lever.co/v1' },
    { id: 'sandbox', label: 'Sandbox', baseUrl: 'https://api.sandbox.lever.co/v1' },
  ],
  auth: [
    {
      id: 'api-key',
      kind: 'basic',
      label: 'API key (Basic auth, empty password)',
      usernameField: 'apiKey',
      fields: [{ key: 'apiKey', label: 'API key', secret: true, description: 'Settings → Integrations and API → API credentials.' }],
    },
  ],
  rateLimit: {
    doc: LEV_DOC,
    requests: 10,
    perMs: 1_000,
    // Secondary sources agree on 10/s steady with bursts to 20 (UNCONFIRMED); we never burst.
    description: '10 requests/second per API key (bursts to 20)',
    // No Retry-After or budget header is documented (UNCONFIRMED); a token refills in 100 ms.
    defaultRetryAfterMs: 1_000,
  },
  errorMessagePaths: ['message'],
  userIdField: 'id',
  userSchema: z.looseObject({
    id: z.string().min(1),
    email: z.string().nullish(),
    accessRole: z.string().nullish(),
    deactivatedAt: z.number().nullish(),
  }),
  operations: {
    // LEV-DOC/LEV-GO: GET /users — {data, hasNext, next}; pass `next` back as offset; includeDeactivated adds inactive users.
    listUsers: {
      method: 'GET',
      path: '/users',
      // limit 1–100, default 100 per a secondary source (UNCONFIRMED).
      query: { includeDeactivated: 'true' },
      itemsPath: 'data',
      doc: LEV_DOC,
      pagination: { kind: 'cursor', cursorParam: 'offset', limitParam: 'limit', pageSize: 100, nextPath: 'next', hasNextPath: 'hasNext' },
    },
    // LEV-GO: GET /users/{id} → {data: user}; 404 ResourceNotFound (also for deactivated users — UNCONFIRMED).
    getUser: { method: 'GET', path: '/users/{id}', userPath: 'data', doc: LEV_DOC },
    // LEV-GO: the role is accessRole ("super admin", "admin", "team member", "limited team member", "interviewer").
    getUserRole: { from: ['accessRole'], transform: 'string', doc: LEV_DOC },
    // LEV-GO: POST /users/{id}/deactivate → {data: user} with deactivatedAt set.
    deactivateUser: { method: 'POST', path: '/users/{id}/deactivate', doc: LEV_DOC },
    // LEV-GO: POST /users/{id}/reactivate → {data: user} with deactivatedAt null.
    reactivateUser: { method: 'POST', path: '/users/{id}/reactivate', doc: LEV_DOC },
    // LEV-DOC: GET /users?limit=1 — the cheapest authenticated call.
    testCredentials: { method: 'GET', path: '/users', query: { limit: '1' }, doc: LEV_DOC },
  },
  actions: [
    {
      id: 'userRole',
      label: 'Lever SaaS User Role',
      description: "Reads the user's Lever access role.",
      operation: 'getUserRole',
      inventoryEffect: 'none',
      destructive: false,
    },
    {
      id: 'deactivateUser',
      label: 'Lever Deactivate User',
      description: 'Deactivates the user in Lever (they can no longer log in; their history stays).',
      operation: 'deactivateUser',
      inventoryEffect: 'markInactive',
      destructive: true,
    },
    {
      id: 'reactivateUser',
      label: 'Lever Reactivate User',
      description: 'Reactivates a deactivated Lever user.',
      operation: 'reactivateUser',
      inventoryEffect: 'markActive',
      destructive: false,
    },
    {
      // Lever has no delete endpoint (absence UNCONFIRMED): deactivate there, remove here.
      id: 'deleteUser',
      label: 'Lever Delete User',
      description:
        'Lever cannot delete users: deactivates the user in Lever and removes the SaaS user record from the inventory.',
      operation: 'deactivateUser',
      inventoryEffect: 'remove',
      destructive: true,
    },
  ],
  fields: [
    { key: 'accessRole', label: 'Access Role', type: 'string' },
    { key: 'createdAt', label: 'Created At', type: 'datetime' },
    { key: 'deactivatedAt', label: 'Deactivated At', type: 'datetime' },
    { key: 'email', label: 'Email', type: 'string' },
    { key: 'externalDirectoryId', label: 'External Directory Id', type: 'string' },
    { key: 'id', label: 'Id', type: 'string' },
    { key: 'jobTitle', label: 'Job Title', type: 'string' },
    { key: 'name', label: 'Name', type: 'string' },
    { key: 'username', label: 'Username', type: 'string' },
  ],
  defaultMapping: {
    externalId: { from: ['id'] },
    email: { from: ['email'] },
    username: { from: ['username'] },
    firstName: { from: ['name'], transform: 'firstWord' },
    lastName: { from: ['name'], transform: 'afterFirstWord' },
    role: { from: ['accessRole'] },
    active: { from: ['deactivatedAt'], transform: 'isNull' },
    createdAt: { from: ['createdAt'], transform: 'isoDate' },
    // LEV-GO: ms epoch of the deactivation; kept as the inventory's deactivation time.
    deactivatedAt: { from: ['deactivatedAt'], transform: 'isoDate' },
  },
  // LEV-GO: creating a second user with an email fails ("A user already exists with that email
  // address"); `username` is only "extracted from the email" and not documented unique.
  syncKeyFields: ['externalId', 'email'],
});
