import { z } from 'zod';

export const SaasUserStatusSchema = z.enum(['active', 'deactivated']);
export type SaasUserStatus = z.infer<typeof SaasUserStatusSchema>;

export const PersonStatusSchema = z.enum(['active', 'offboarded']);
export type PersonStatus = z.infer<typeof PersonStatusSchema>;

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(500).default(50);

/** One page of a listing: the items and where they sit in the whole result. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Columns the SaaS user list sorts by; each has an index (see SaasUserRepository). */
export const SaasUserSortSchema = z.enum(['appName', 'email', 'role', 'lastLoginAt']);
export type SaasUserSort = z.infer<typeof SaasUserSortSchema>;

/** Filters of the SaaS users table; every one has an index. */
export const SaasUserFilterSchema = z.object({
  /** SaaS app id. */
  app: z.uuid().optional(),
  /** Free text over email, username and name (trigram index). */
  q: z.string().trim().min(1).max(200).optional(),
  status: SaasUserStatusSchema.optional(),
  role: z.string().trim().min(1).max(200).optional(),
  /** Only users whose last login is before this instant (or who never logged in). */
  lastLoginBefore: z.iso.datetime({ offset: true }).optional(),
  personId: z.uuid().optional(),
  /** With `customValue`: only users whose custom field of this key has exactly that value. */
  customField: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'must be a custom field key').optional(),
  customValue: z.string().trim().min(1).max(200).optional(),
});
/** The CSV export: every matching user, so it takes the filters and no paging. */
export type SaasUserFilter = z.infer<typeof SaasUserFilterSchema>;

export const SaasUserQuerySchema = SaasUserFilterSchema.extend({
  sort: SaasUserSortSchema.default('appName'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page,
  pageSize,
});

export type SaasUserQuery = z.infer<typeof SaasUserQuerySchema>;

export const SaasUserViewSchema = z.object({
  id: z.uuid(),
  appId: z.uuid(),
  appName: z.string(),
  personId: z.uuid().nullable(),
  externalId: z.string(),
  username: z.string().nullable(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  role: z.string().nullable(),
  status: SaasUserStatusSchema,
  /**
   * A status set by hand that the vendor has not confirmed yet (a pending intent): loads keep
   * `status` as intended until they see the vendor report the same, or an admin drops the intent.
   */
  manualStatus: SaasUserStatusSchema.nullable(),
  manualAt: z.string().nullable(),
  manualBy: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  vendorCreatedAt: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  sourceIntegrationId: z.uuid().nullable(),
  syncedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type SaasUserView = z.infer<typeof SaasUserViewSchema>;

export const SaasUserPageSchema = pageOf(SaasUserViewSchema).extend({
  /** Custom field key → the label its integrations gave it (of the chosen app); a key missing here is shown as is. */
  customFieldLabels: z.record(z.string(), z.string()),
});
export type SaasUserPage = z.infer<typeof SaasUserPageSchema>;

/** An admin deactivates (or restores) a SaaS user record by hand. */
export const SaasUserPatchSchema = z.object({ status: SaasUserStatusSchema }).strict();

export const PersonQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  status: PersonStatusSchema.optional(),
  page,
  pageSize,
});
export type PersonQuery = z.infer<typeof PersonQuerySchema>;

export const PersonViewSchema = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  role: z.string().nullable(),
  status: PersonStatusSchema,
  offboardedAt: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  saasUserCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof PersonViewSchema>;
export const PersonPageSchema = pageOf(PersonViewSchema);
export type PersonPage = z.infer<typeof PersonPageSchema>;

/** Offboarding a person by hand emits `person.offboarded`, the trigger of offboarding workflows. */
export const PersonPatchSchema = z.object({ status: PersonStatusSchema }).strict();

export const SaasAppViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  presetId: z.string(),
  /** The tenant: the credential whose vendor account the users come from. */
  credentialId: z.uuid().nullable(),
  userCount: z.number().int(),
  activeUserCount: z.number().int(),
});
export type SaasAppView = z.infer<typeof SaasAppViewSchema>;
export const SaasAppListSchema = z.array(SaasAppViewSchema);

/** Seats of one app: active users, and how many of them have not signed in for 90 / 365 days. */
export const AppSeatsSchema = z.object({
  appId: z.uuid(),
  appName: z.string(),
  activeUsers: z.number().int(),
  /** Active users whose last login is older than 90 days, or who never signed in. */
  inactive90: z.number().int(),
  inactive365: z.number().int(),
});
export type AppSeats = z.infer<typeof AppSeatsSchema>;

/** One change of a SaaS user or person, from the inventory's event outbox: what, when, and who (a load run or an admin). */
export const InventoryEventViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  appId: z.uuid().nullable(),
  saasUserId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  /** `{kind: 'load', integrationId, runId}`, `{kind: 'manual', actor}`, or what a workflow records. */
  source: z.record(z.string(), z.unknown()),
});
export type InventoryEventView = z.infer<typeof InventoryEventViewSchema>;

