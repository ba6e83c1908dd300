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
});
/** The CSV export: every matching user, so it takes the filters and no paging. */
export type SaasUserFilter = z.infer<typeof SaasUserFilterSchema>;

export const SaasUserQuerySchema = SaasUserFilterSchema.extend({ page, pageSize });

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

export const SaasUserPageSchema = pageOf(SaasUserViewSchema);
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
