import { CustomFieldTypeSchema, FieldMappingSchema, InventoryFieldSchema } from '@rolecall/presets/catalog';
import { z } from 'zod';
import { plainName } from '../common/plain-text.schema';

/** Whether a load writes People as well as SaaS users. */
export const UserSelectionSchema = z.enum(['user', 'user_plus_saas_user']);
export type UserSelection = z.infer<typeof UserSelectionSchema>;

/** Which records a load may write: new ones, existing ones, or both. */
export const LoadPreferenceSchema = z.enum(['create_update', 'create_only', 'update_only']);
export type LoadPreference = z.infer<typeof LoadPreferenceSchema>;

export const IntegrationStatusSchema = z.enum(['draft', 'active', 'paused']);
export type IntegrationStatus = z.infer<typeof IntegrationStatusSchema>;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const TimeZoneSchema = z.string().max(64).refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin').default('UTC');

/** When a load runs by itself: every N minutes/hours/days, or a 5-field cron, in a time zone. */
export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('interval'),
    // At most six digits: a year in minutes fits, an overflowing interval does not.
    every: z.string().regex(/^[1-9]\d{0,5}(m|h|d)$/, 'must look like 30m, 6h or 1d'),
    timezone: TimeZoneSchema,
  }),
  z.object({
    kind: z.literal('cron'),
    cron: z.string().max(200).trim().regex(/^\S+( \S+){4}$/, 'must be a 5-field cron expression, e.g. "0 3 * * *"'),
    timezone: TimeZoneSchema,
  }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;
export const DAILY: Schedule = { kind: 'interval', every: '1d', timezone: 'UTC' };

const CustomKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'letters, digits and _ (starting with a letter)');
/** An inventory field or a custom field `custom.<key>`. */
export const MappingTargetSchema = z.union([InventoryFieldSchema, z.string().regex(/^custom\.[a-zA-Z][a-zA-Z0-9_]{0,62}$/)]);
/** Inventory field (or `custom.<key>`) → where it comes from in the vendor user. */
export const MappingsSchema = z.record(MappingTargetSchema, FieldMappingSchema);
export type Mappings = z.infer<typeof MappingsSchema>;

/** The value types of custom fields: the preset mapper's own, since mapRecord coerces by them. */
export { CustomFieldTypeSchema };
export type CustomFieldType = z.infer<typeof CustomFieldTypeSchema>;

export const CustomFieldSchema = z.object({
  key: CustomKey,
  label: plainName(80),
  type: CustomFieldTypeSchema.default('string'),
});
export type CustomField = z.infer<typeof CustomFieldSchema>;

/** Unique fields only: the vendor id, or case-insensitive email / username. */
export const SyncKeyFieldSchema = z.enum(['externalId', 'email', 'username']);
export type SyncKeyField = z.infer<typeof SyncKeyFieldSchema>;

export const SyncKeySchema = z.object({
  field: SyncKeyFieldSchema,
  /** 1 is tried first. */
  priority: z.number().int().min(1).max(10),
});
export type SyncKey = z.infer<typeof SyncKeySchema>;

/** The vendor account's own request budget, when it differs from the preset's published limit. */
export const IntegrationRateLimitSchema = z.object({
  requests: z.number().int().min(1).max(1_000_000),
  /** At most a day: every vendor's window is far shorter, and the pacer keeps one start per request. */
  perMs: z.number().int().min(1).max(86_400_000),
});
export type IntegrationRateLimit = z.infer<typeof IntegrationRateLimitSchema>;

const IntegrationFields = {
  name: plainName(120),
  presetId: z.string().min(1).max(100),
  credentialId: z.uuid().nullable(),
  /** Inventory app the users land in; default the preset's name. */
  appName: plainName(120),
  userSelection: UserSelectionSchema,
  preference: LoadPreferenceSchema,
  /** Omitted on create → the preset's default mapping. */
  mappings: MappingsSchema,
  customFields: z.array(CustomFieldSchema).max(50),
  syncKeys: z
    .array(SyncKeySchema)
    .max(3)
    .describe('How loaded users are matched to existing records, tried by priority. At least one is required to launch or run (readiness lists it as missing).'),
  personRole: plainName(60).nullable(),
  schedule: ScheduleSchema,
  /** null = the preset's published limit. */
  rateLimit: IntegrationRateLimitSchema.nullable(),
  /**
   * A run that would deactivate more than this share (%) of the app's users stops before
   * deactivating and waits for an admin (an empty or truncated listing must not wipe the app).
   */
  deactivationLimitPercent: z.number().int().min(0).max(100),
};

/** The settings a run reads: snapshotted when it begins, so an edit mid-run changes only the next run. */
export const LoadSettingsSchema = z.object({
  presetId: IntegrationFields.presetId,
  credentialId: IntegrationFields.credentialId,
  appName: IntegrationFields.appName,
  userSelection: IntegrationFields.userSelection,
  preference: IntegrationFields.preference,
  mappings: IntegrationFields.mappings,
  customFields: IntegrationFields.customFields,
  syncKeys: IntegrationFields.syncKeys,
  personRole: IntegrationFields.personRole,
  rateLimit: IntegrationFields.rateLimit,
  deactivationLimitPercent: IntegrationFields.deactivationLimitPercent,
});
export type LoadSettings = z.infer<typeof LoadSettingsSchema>;

export const CreateIntegrationSchema = z
  .object({
    ...IntegrationFields,
    credentialId: IntegrationFields.credentialId.optional(),
    appName: IntegrationFields.appName.optional(),
    userSelection: IntegrationFields.userSelection.default('user_plus_saas_user'),
    preference: IntegrationFields.preference.default('create_update'),
    mappings: IntegrationFields.mappings.optional(),
    /** Fill unmapped inventory fields by Smart Mapping (name and type) instead of the preset default. */
    smartMapping: z.boolean().default(false),
    customFields: IntegrationFields.customFields.default([]),
    syncKeys: IntegrationFields.syncKeys.default([]),
    personRole: IntegrationFields.personRole.optional(),
    schedule: ScheduleSchema.default(DAILY),
    rateLimit: IntegrationFields.rateLimit.default(null),
    deactivationLimitPercent: IntegrationFields.deactivationLimitPercent.default(10),
  })
  .strict();
/** What a client sends to create an integration (defaults not yet applied). */
export type CreateIntegrationBody = z.input<typeof CreateIntegrationSchema>;

export const UpdateIntegrationSchema = z
  .object({ ...IntegrationFields, smartMapping: z.boolean() })
  .omit({ presetId: true })
  .partial()
  .strict();
/** What a client sends to change an integration: only the settings that change. */
export type UpdateIntegrationBody = z.input<typeof UpdateIntegrationSchema>;

export const IntegrationViewSchema = z.object({
  id: z.uuid(),
  ...IntegrationFields,
  /** The SaaS app (`GET /api/saas-apps`) its latest load wrote to; null before the first load. */
  appId: z.uuid().nullable(),
  status: IntegrationStatusSchema,
  /** Draft until every mandatory setting is there; `missing` says what is. */
  readiness: z.object({ ready: z.boolean(), missing: z.array(z.string()) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntegrationView = z.infer<typeof IntegrationViewSchema>;

/**
 * `awaiting_confirmation`: listed everything, held before a mass deactivation until an admin decides.
 * `completed_with_warnings`: the load ran to the end, but `warning` says why its outcome needs a
 * look (e.g. more than ROLECALL_LOAD_WARN_SHARE of the records were skipped or failed).
 * `cancelled` by an admin (`POST …/runs/:runId/cancel`); `failed` also when its workflow no longer exists.
 */
export const LoadRunStatusSchema = z.enum(['queued', 'running', 'awaiting_confirmation', 'completed', 'completed_with_warnings', 'failed', 'cancelled']);
export type LoadRunStatus = z.infer<typeof LoadRunStatusSchema>;

/** Run now (`manual`) or the integration's Temporal Schedule. */
export const LoadRunTriggerSchema = z.enum(['manual', 'schedule']);
export type LoadRunTrigger = z.infer<typeof LoadRunTriggerSchema>;

/** One execution of a user load (not a workflow run: those live under `/api/runs`). */
export const LoadRunViewSchema = z.object({
  id: z.uuid(),
  integrationId: z.uuid(),
  workflowId: z.string(),
  trigger: LoadRunTriggerSchema,
  status: LoadRunStatusSchema,
  // Constrained as stored: a bare nullable string becomes `type: [string, null]` in JSON Schema,
  // which @nestjs/swagger documents as an array of strings at the top level of a DTO.
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** Progress while running: pages applied and records fetched so far. */
  pagesDone: z.number().int(),
  fetched: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Matched records the inventory already held as the vendor reports them (not rewritten). */
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  deactivated: z.number().int(),
  /** Why the run failed; null unless it did. */
  error: z.string().min(1).nullable(),
  /** Why a finished run is `completed_with_warnings`; null otherwise. */
  warning: z.string().min(1).nullable(),
  /** Why a running load is not moving, e.g. "vendor unavailable, retrying (attempt 3, next in 8s): …". */
  waitingReason: z.string().min(1).nullable(),
  /** How many users the run would deactivate when it was held for confirmation (null if it never was). */
  wouldDeactivate: z.number().int().nullable(),
});
export type LoadRunView = z.infer<typeof LoadRunViewSchema>;

/** `skipped` (by rule or preference) or `failed` (invalid data). */
export const LoadRunErrorOutcomeSchema = z.enum(['skipped', 'failed']);
export type LoadRunErrorOutcome = z.infer<typeof LoadRunErrorOutcomeSchema>;

/** A record a load skipped or failed, with the reason an admin can act on. */
export const LoadRunErrorViewSchema = z.object({
  externalId: z.string().nullable(),
  outcome: LoadRunErrorOutcomeSchema,
  reason: z.string(),
  record: z.record(z.string(), z.unknown()).nullable(),
  pageIndex: z.number().int(),
});

export const LoadRunDetailSchema = LoadRunViewSchema.extend({
  errors: z.array(LoadRunErrorViewSchema),
  errorsTotal: z.number().int(),
  errorsPage: z.number().int(),
});
export type LoadRunDetail = z.infer<typeof LoadRunDetailSchema>;

export const LoadRunErrorsQuerySchema = z.object({
  errorsPage: z.coerce.number().int().min(1).max(100_000).default(1),
  errorsPageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
