import { z } from 'zod';

export const RunStatusSchema = z.enum(['queued', 'running', 'awaiting_approval', 'completed', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const RunModeSchema = z.enum(['live', 'dryRun']);
export const RunTriggerKindSchema = z.enum(['manual', 'schedule', 'event']);

/**
 * `POST /api/workflows/:id/runs`: Run now (live) or Dry run of the latest launched version, or a
 * dry run of the draft as it is saved now (`of: "draft"`, also before the first launch).
 */
export const StartRunSchema = z
  .strictObject({
    mode: RunModeSchema.default('live'),
    of: z.enum(['launched', 'draft']).default('launched'),
  })
  .refine((run) => run.of === 'launched' || run.mode === 'dryRun', {
    path: ['of'],
    message: 'only a dry run can run the draft; launch it to run it live',
  });
export type StartRun = z.infer<typeof StartRunSchema>;

const PageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1_000).default(50),
};

/** `GET /api/runs` filters. */
export const RunQuerySchema = z.object({
  workflowId: z.uuid().optional(),
  status: RunStatusSchema.optional(),
  trigger: RunTriggerKindSchema.optional(),
  ...PageQuery,
});
export type RunQuery = z.infer<typeof RunQuerySchema>;

/** What a record's walk has at a node: a node outcome, or `held` (waiting at a destructive block / would be hit in a dry run) or `claimed` (effect in flight). */
export const RecordOutcomeSchema = z.string().min(1);

/** Which of a run's records: one node's, one outcome's, or both (`GET /api/runs/:id/records.csv`). */
export const RunRecordFilterSchema = z.object({
  nodeId: z.string().min(1).optional(),
  outcome: RecordOutcomeSchema.optional(),
});
export type RunRecordFilter = z.infer<typeof RunRecordFilterSchema>;

/** `GET /api/runs/:id/records` filters and page. */
export const RunRecordQuerySchema = RunRecordFilterSchema.extend(PageQuery);
export type RunRecordQuery = z.infer<typeof RunRecordQuerySchema>;

export const RunViewSchema = z.object({
  id: z.uuid(),
  workflowId: z.uuid(),
  versionId: z.uuid(),
  /** The launched version's number; null for a dry run of the draft. */
  versionNumber: z.int().min(1).nullable(),
  mode: RunModeSchema,
  trigger: z.object({ kind: RunTriggerKindSchema, eventId: z.string().optional() }),
  status: RunStatusSchema,
  /** Destructive nodes the run waits at for approval. */
  awaitingApproval: z.array(z.string()),
  /** Records the population matched (null until the run began) and records whose walk reached an End. */
  progress: z.object({ total: z.int().nullable(), done: z.int() }),
  /** Per node: how many records left it by each outcome (`held` included). */
  nodes: z.record(z.string(), z.record(z.string(), z.int())),
  /** Why the run failed, in words an admin can act on. */
  message: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type RunView = z.infer<typeof RunViewSchema>;

/** One record at one node, with the vendor's status and message on failures (never a secret). */
export const RunRecordViewSchema = z.object({
  nodeId: z.string(),
  block: z.string(),
  saasUserId: z.uuid(),
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  outcome: RecordOutcomeSchema,
  vendorStatus: z.int().nullable(),
  message: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  at: z.iso.datetime(),
});
export type RunRecordView = z.infer<typeof RunRecordViewSchema>;

export const RunPageSchema = z.object({ items: z.array(RunViewSchema), total: z.int() });
export const RunRecordPageSchema = z.object({ items: z.array(RunRecordViewSchema), total: z.int() });
export type RunRecordPage = z.infer<typeof RunRecordPageSchema>;
