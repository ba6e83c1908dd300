import { z } from 'zod';
import { LoadRunListItemSchema, LoadRunStatusSchema, LoadRunTriggerSchema } from '../integrations/integrations.schema';
import { RunStatusSchema, RunTriggerKindSchema, RunViewSchema } from '../runs/runs.schema';

/** Which runs the Runs page lists: user loads, workflow runs, or both merged. */
export const RunSourceSchema = z.enum(['all', 'loads', 'workflows']);
export type RunSource = z.infer<typeof RunSourceSchema>;

/**
 * `GET /api/all-runs` filters. A status or trigger only one source knows (awaiting approval,
 * event), an integration (loads only) or a workflow (workflow runs only) rule out the other
 * source instead of being ignored by it.
 */
export const AllRunsQuerySchema = z.object({
  source: RunSourceSchema.default('all'),
  status: z.union([LoadRunStatusSchema, RunStatusSchema]).optional(),
  trigger: z.union([LoadRunTriggerSchema, RunTriggerKindSchema]).optional(),
  /** Loads of this integration only. */
  integrationId: z.uuid().optional(),
  /** Runs of this workflow only. */
  workflowId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AllRunsQuery = z.infer<typeof AllRunsQuerySchema>;

/** One row of the Runs page: a user load or a workflow run. */
export const AllRunsItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('load'), run: LoadRunListItemSchema }),
  z.object({ kind: z.literal('workflow'), run: RunViewSchema }),
]);
export type AllRunsItem = z.infer<typeof AllRunsItemSchema>;

/** Both sources newest first (a load by when it started, a workflow run by when it was queued). */
export const AllRunsPageSchema = z.object({
  items: z.array(AllRunsItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AllRunsPage = z.infer<typeof AllRunsPageSchema>;
