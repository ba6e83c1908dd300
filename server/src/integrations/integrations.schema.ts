import { CustomFieldTypeSchema, FieldMappingSchema, InventoryFieldSchema } from '@rolecall/presets';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { INTEGRATION_STATUSES, LOAD_PREFERENCES, USER_SELECTIONS } from './integration.entity';
import { RUN_STATUSES } from './integration-run.entity';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const TimeZoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin').default('UTC');

/** When a load runs by itself: every N minutes/hours/days, or a 5-field cron, in a time zone. */
export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('interval'),
    every: z.string().regex(/^[1-9]\d*(m|h|d)$/, 'must look like 30m, 6h or 1d'),
    timezone: TimeZoneSchema,
  }),
  z.object({
    kind: z.literal('cron'),
    cron: z.string().trim().regex(/^\S+( \S+){4}$/, 'must be a 5-field cron expression, e.g. "0 3 * * *"'),
    timezone: TimeZoneSchema,
  }),
]);
export const DAILY: z.infer<typeof ScheduleSchema> = { kind: 'interval', every: '1d', timezone: 'UTC' };

const CustomKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'letters, digits and _ (starting with a letter)');
/** An inventory field or a custom field `custom.<key>`. */
export const MappingTargetSchema = z.union([InventoryFieldSchema, z.string().regex(/^custom\.[a-zA-Z][a-zA-Z0-9_]{0,62}$/)]);

export const CustomFieldSchema = z.object({
  key: CustomKey,
  label: z.string().trim().min(1).max(80),
  type: CustomFieldTypeSchema.default('string'),
});

export const SyncKeySchema = z.object({
  /** Unique fields only: the vendor id, or case-insensitive email / username. */
  field: z.enum(['externalId', 'email', 'username']),
  /** 1 is tried first. */
  priority: z.number().int().min(1).max(10),
});

const IntegrationFields = {
  name: z.string().trim().min(1).max(120),
  presetId: z.string().min(1),
  credentialId: z.uuid().nullable(),
  /** Inventory app the users land in; default the preset's name. */
  appName: z.string().trim().min(1).max(120),
  userSelection: z.enum(USER_SELECTIONS),
  preference: z.enum(LOAD_PREFERENCES),
  /** Omitted on create → the preset's default mapping. */
  mappings: z.record(MappingTargetSchema, FieldMappingSchema),
  customFields: z.array(CustomFieldSchema).max(50),
  syncKeys: z.array(SyncKeySchema).max(3),
  personRole: z.string().trim().min(1).max(60).nullable(),
  schedule: ScheduleSchema,
  /** The vendor account's own request budget; null = the preset's published limit. */
  rateLimit: z
    .object({ requests: z.number().int().min(1), perMs: z.number().int().min(1) })
    .nullable(),
};

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
  })
  .strict();
export class CreateIntegrationDto extends createZodDto(CreateIntegrationSchema) {}

export const UpdateIntegrationSchema = z
  .object({ ...IntegrationFields, smartMapping: z.boolean() })
  .omit({ presetId: true })
  .partial()
  .strict();
export class UpdateIntegrationDto extends createZodDto(UpdateIntegrationSchema) {}

export const IntegrationViewSchema = z.object({
  id: z.uuid(),
  ...IntegrationFields,
  status: z.enum(INTEGRATION_STATUSES),
  /** Draft until every mandatory setting is there; `missing` says what is. */
  readiness: z.object({ ready: z.boolean(), missing: z.array(z.string()) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntegrationView = z.infer<typeof IntegrationViewSchema>;
export class IntegrationViewDto extends createZodDto(IntegrationViewSchema) {}

export const RunViewSchema = z.object({
  id: z.uuid(),
  integrationId: z.uuid(),
  workflowId: z.string(),
  trigger: z.enum(['manual', 'schedule']),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Progress while running: pages applied and records fetched so far. */
  pagesDone: z.number().int(),
  fetched: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  deactivated: z.number().int(),
  error: z.string().nullable(),
});
export type RunView = z.infer<typeof RunViewSchema>;
export class RunViewDto extends createZodDto(RunViewSchema) {}

export const RunErrorViewSchema = z.object({
  externalId: z.string().nullable(),
  outcome: z.enum(['skipped', 'failed']),
  reason: z.string(),
  record: z.record(z.string(), z.unknown()).nullable(),
  pageIndex: z.number().int(),
});
export const RunDetailSchema = RunViewSchema.extend({
  errors: z.array(RunErrorViewSchema),
  errorsTotal: z.number().int(),
  errorsPage: z.number().int(),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;
export class RunDetailDto extends createZodDto(RunDetailSchema) {}

export const RunErrorsQuerySchema = z.object({
  errorsPage: z.coerce.number().int().min(1).default(1),
  errorsPageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export class RunErrorsQueryDto extends createZodDto(RunErrorsQuerySchema) {}
