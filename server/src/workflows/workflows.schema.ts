import { CompileContextSchema, CompileErrorSchema, GraphDraftSchema, IrSchema } from '@rolecall/workflows/graph';
import { z } from 'zod';
import { RunModeSchema, RunStatusSchema } from '../runs/runs.schema';

/** Draft: never launched. Active: its triggers run the latest version. Paused: triggers stopped. */
export const WorkflowStatusSchema = z.enum(['draft', 'active', 'paused']);
export type WorkflowStatus = z.infer<typeof WorkflowStatusSchema>;

const Name = z.string().trim().min(1).max(120);
const Description = z.string().max(2_000);
/** An empty canvas, as a new workflow starts. */
const EMPTY_GRAPH = { nodes: [], edges: [] };

/** `POST /api/workflows`: the draft graph is the loose draft schema, so half-built graphs save. */
export const CreateWorkflowSchema = z.strictObject({
  name: Name,
  description: Description.default(''),
  graph: GraphDraftSchema.default(EMPTY_GRAPH),
});
export type CreateWorkflow = z.infer<typeof CreateWorkflowSchema>;

/** `PATCH /api/workflows/:id`: changes only the draft; launched versions never change. */
export const UpdateWorkflowSchema = z.strictObject({
  name: Name.optional(),
  description: Description.optional(),
  graph: GraphDraftSchema.optional(),
});
export type UpdateWorkflow = z.infer<typeof UpdateWorkflowSchema>;

export const WorkflowViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  graph: GraphDraftSchema,
  status: WorkflowStatusSchema,
  /** Number of the latest launched version; null before the first launch. */
  latestVersion: z.int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WorkflowView = z.infer<typeof WorkflowViewSchema>;

/** The latest run of a workflow, as the list shows it. */
export const WorkflowLastRunSchema = z.object({
  id: z.uuid(),
  status: RunStatusSchema,
  mode: RunModeSchema,
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type WorkflowLastRun = z.infer<typeof WorkflowLastRunSchema>;

/** `GET /api/workflows`: a workflow with what the list shows next to it. */
export const WorkflowListItemSchema = WorkflowViewSchema.extend({
  /** The draft Begin's trigger: its kind (null when the draft has no valid Begin) and a sentence such as "Every day at 02:00 UTC". */
  trigger: z.object({ kind: z.enum(['schedule', 'event', 'manual']).nullable(), summary: z.string() }),
  lastRun: WorkflowLastRunSchema.nullable(),
  /** The Temporal Schedule's next start; null when nothing is scheduled (draft, paused, not a schedule). */
  nextRunAt: z.iso.datetime().nullable(),
  /** False when Temporal did not answer in time, so `nextRunAt` is unknown rather than none. */
  nextRunKnown: z.boolean(),
});
export type WorkflowListItem = z.infer<typeof WorkflowListItemSchema>;

/** An immutable launched version: the compiled IR runs are pinned to. */
export const WorkflowVersionViewSchema = z.object({
  id: z.uuid(),
  workflowId: z.uuid(),
  /** 1, 2, 3 … for launched versions; 0 or below for the draft snapshot a dry run of the draft ran. */
  number: z.int(),
  ir: IrSchema,
  /** The canvas graph it was launched from (the run view draws it); null for older versions. */
  graph: GraphDraftSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type WorkflowVersionView = z.infer<typeof WorkflowVersionViewSchema>;

/** `POST /api/workflows/:id/validate` on success; failures are a 422 problem with `details.errors`. */
export const ValidationOkSchema = z.object({ ok: z.literal(true) });

/** The `details` of a 422 from validate or launch: every compile error, pinned to its node or edge. */
export const CompileProblemDetailsSchema = z.object({ errors: z.array(CompileErrorSchema) });

/**
 * `GET /api/workflows/compile-context`: this installation's credentials (never secrets), inventory
 * apps and custom fields, so the canvas runs the same `compile()` as launch with its bundled catalog.
 */
export const CompileRefsSchema = CompileContextSchema.omit({ catalog: true });
export type CompileRefs = z.infer<typeof CompileRefsSchema>;
