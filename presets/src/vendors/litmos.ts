import { z } from 'zod';
import { definePreset } from '../preset.schema';

const LIT_OVR = 'https://support.litmos.com/hc/en-us/articles/227734667-Overview-Developer-API';
const LIT_KEY = 'https://www.litmos.com/docs/litmos/apis/locate-your-api-key';
const LIT_USR = 'https://www.litmos.com/docs/litmos/apis/users-via-api';

/** Fields Litmos requires on a user PUT; a known user lacking any is re-read before deactivation. */
const LITMOS_WRITE_FIELDS = [
  'Id',
  'UserName',
  'Email',
  'LastName',
  'AccessLevel',
  'Active',
  'DisableMessages',
  'IsCustomUsername',
  'SkipFirstLogin',
  'TimeZone',
];

/** SAP Litmos REST v1 (`v1.svc`). Facts: shared/vendors.md §1. */
export const litmos = definePreset({
  id: 'litmos',
  name: 'SAP Litmos',
  description: 'SAP Litmos LMS users via the Litmos REST API v1.',
  docsUrl: LIT_OVR,
  regions: [
    { id: 'us', label: 'United States', baseUrl: 'https://api.litmos.com/v1.svc' },
    { id: 'eu', label: 'Europe', baseUrl: 'https://api.litmoseu.com/v1.svc' },
    { id: 'au', label: 'Australia', baseUrl: 'https://api.litmos.com.au/v1.svc' },
  ],
  auth: [
    {
      id: 'api-key',
      kind: 'apiKeyHeader',
      label: 'API key',
      header: 'apikey',
      valueField: 'apiKey',
      fields: [
        {
          key: 'apiKey',
          label: 'API key',
          secret: true,
          description: 'Account Owner API key (My Profile → API key); trial accounts have no API access.',
        },
        {
          key: 'source',
          label: 'Source',
          secret: false,
          required: false,
          default: 'rolecall',
          maxLength: 50,
          description: 'Identifies this program to Litmos on every call (≤ 50 characters).',
        },
      ],
    },
  ],
  // Litmos answers XML unless format=json, and requires `source` on every call.
  defaultQuery: { source: '{credentials.source}', format: 'json' },
  rateLimit: {
    doc: LIT_KEY,
    requests: 100,
    perMs: 60_000,
    description: '100 requests/minute per API key',
    // Litmos signals throttling with 503 "The API rating limit has been exceeded", not 429.
    throttleSignals: [{ status: 503, bodyIncludes: 'rating limit' }],
    // No Retry-After is documented; the python client sleeps 60 s, so wait a full window.
    defaultRetryAfterMs: 60_000,
  },
  errorMessagePaths: ['Detail', 'Message'],
  userIdField: 'Id',
  userSchema: z.looseObject({
    Id: z.string().min(1),
    UserName: z.string().nullish(),
    Email: z.string().nullish(),
    Active: z.boolean().nullish(),
    AccessLevel: z.string().nullish(),
  }),
  operations: {
    // LIT-OAS / LIT-USR: GET /users/details — full user objects (incl. LastLogin), start/limit ≤ 1000, no next-page signal.
    listUsers: {
      method: 'GET',
      path: '/users/details',
      doc: LIT_USR,
      pagination: { kind: 'offset', offsetParam: 'start', limitParam: 'limit', pageSize: 1000 },
    },
    // LIT-USR: GET /users/{userId} — full user object, 404 when unknown.
    getUser: { method: 'GET', path: '/users/{id}', doc: LIT_USR },
    // LIT-OVR: the role is the user's AccessLevel (Learner, Team_Leader, Account_Owner, …).
    getUserRole: { from: ['AccessLevel'], transform: 'string', doc: LIT_OVR },
    // LIT-USR: PUT /users/{userId} with the FULL user and Active=false (omitted fields are reset).
    deactivateUser: {
      method: 'PUT',
      path: '/users/{id}',
      doc: LIT_USR,
      body: { kind: 'fullUser', set: { Active: false }, requiredFields: LITMOS_WRITE_FIELDS },
    },
    // LIT-USR: PUT with Active=true — reactivation is implied by the docs, not recorded (UNCONFIRMED).
    reactivateUser: {
      method: 'PUT',
      path: '/users/{id}',
      doc: LIT_USR,
      body: { kind: 'fullUser', set: { Active: true }, requiredFields: LITMOS_WRITE_FIELDS },
    },
    // LIT-OAS: DELETE /users/{userId} — hard delete, cannot be recovered; 200 with an empty body.
    deleteUser: { method: 'DELETE', path: '/users/{id}', doc: LIT_USR },
    // LIT-USR: GET /users?limit=1 — the cheapest authenticated call (one summary user).
    testCredentials: { method: 'GET', path: '/users', query: { limit: '1', start: '0' }, doc: LIT_USR },
  },
  actions: [
    {
      id: 'userRole',
      label: 'Litmos SaaS User Role',
      description: "Reads the user's Litmos Access Level.",
      operation: 'getUserRole',
      inventoryEffect: 'none',
      destructive: false,
    },
    {
      id: 'deactivateUser',
      label: 'Litmos Deactivate User',
      description: 'Sets the user inactive in Litmos (they can no longer log in; history is kept).',
      operation: 'deactivateUser',
      inventoryEffect: 'markInactive',
      destructive: true,
    },
    {
      id: 'reactivateUser',
      label: 'Litmos Reactivate User',
      description: 'Sets the user active again in Litmos.',
      operation: 'reactivateUser',
      inventoryEffect: 'markActive',
      destructive: false,
    },
    {
      id: 'deleteUser',
      label: 'Litmos Delete User',
      description: 'Permanently deletes the user and their training history from Litmos (cannot be undone).',
      operation: 'deleteUser',
      inventoryEffect: 'remove',
      destructive: true,
    },
  ],
  fields: [
    { key: 'AccessLevel', label: 'Access Level', type: 'string' },
    { key: 'Active', label: 'Active?', type: 'boolean' },
    { key: 'CompanyName', label: 'Company name', type: 'string' },
    { key: 'CreatedDate', label: 'Created date', type: 'datetime' },
    { key: 'Email', label: 'Email', type: 'string' },
    { key: 'LastName', label: 'Family name', type: 'string' },
    { key: 'FirstName', label: 'First name', type: 'string' },
    { key: 'FullName', label: 'Full name', type: 'string' },
    { key: 'Id', label: 'Id', type: 'string' },
    { key: 'JobTitle', label: 'Job title', type: 'string' },
    { key: 'LastLogin', label: 'Last login', type: 'datetime' },
    { key: 'ManagerId', label: 'Manager id', type: 'string' },
    { key: 'TimeZone', label: 'Time zone', type: 'string' },
    { key: 'UserName', label: 'Username', type: 'string' },
  ],
  defaultMapping: {
    externalId: { from: ['Id'] },
    email: { from: ['Email'] },
    username: { from: ['UserName'] },
    firstName: { from: ['FirstName'] },
    lastName: { from: ['LastName'] },
    role: { from: ['AccessLevel'] },
    active: { from: ['Active'], transform: 'boolean' },
    lastLoginAt: { from: ['LastLogin'], transform: 'isoDate' },
    createdAt: { from: ['CreatedDate'], transform: 'isoDate' },
  },
  // LIT-VCR: a duplicate UserName is a 409 "UserName already exists"; no source says Email is unique.
  syncKeyFields: ['externalId', 'username'],
});
