import { defineQuery, defineSignal } from '@temporalio/workflow';
import { z } from 'zod';
import type { WorkflowContract } from './workflow-contract';

/** What started a run. Event runs name the inventory event they act on. */
export const RunTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('schedule') }),
  z.object({ kind: z.literal('event'), eventId: z.string().regex(/^\d+$/) }),
]);
export type RunTrigger = z.infer<typeof RunTriggerSchema>;

export const RunModeSchema = z.enum(['live', 'dryRun']);
export type RunMode = z.infer<typeof RunModeSchema>;

/** Where a run stands, carried across continue-as-new (the records themselves live in Postgres). */
export const RunGraphResumeSchema = z.object({
  runId: z.uuid(),
  /** Walks over the population so far; each one may clear destructive nodes for the next. */
  pass: z.int().min(0),
  /** Last record id (keyset) of the current pass; null at its start. */
  after: z.string().nullable(),
  batch: z.int().min(0),
  /** Destructive nodes allowed to act (within their cap, or approved). */
  cleared: z.array(z.string()),
  /** Records held at each not-yet-cleared destructive node during the current pass. */
  held: z.record(z.string(), z.int()),
});
export type RunGraphResume = z.infer<typeof RunGraphResumeSchema>;

/** Input of `runGraph`: a launched version, how it was started, and (after continue-as-new) where it stands. */
export const RunGraphInputSchema = z.object({
  versionId: z.uuid(),
  trigger: RunTriggerSchema,
  mode: RunModeSchema,
  /** Set when the API created the run row first (Run now, dry run, events); schedules leave it out. */
  runId: z.uuid().optional(),
  resume: RunGraphResumeSchema.optional(),
});
export type RunGraphInput = z.infer<typeof RunGraphInputSchema>;

/** Progress the parent reports by query. */
export interface RunGraphProgress {
  pass: number;
  batch: number;
  held: Record<string, number>;
  awaitingApproval: string[];
}

/** Approves every destructive node the run waits at. */
export const approveSignal = defineSignal('approve');
export const progressQuery = defineQuery<RunGraphProgress>('progress');

/** A workflow run: one launched version walked over its population (run-graph.workflow.ts). */
export const runGraphContract = {
  name: 'runGraph',
  input: RunGraphInputSchema,
  ids: {
    /** Run now / dry run: one execution per run row. */
    manualWorkflow: (runId: string) => `run-${runId}`,
    /** One execution per (launched version, inventory event): a redelivered event starts nothing new. */
    eventWorkflow: (versionId: string, eventId: string) => `run-${versionId}-event-${eventId}`,
    /** The Temporal Schedule of a launched workflow (one per workflow; updated on each launch). */
    schedule: (workflowId: string) => `workflow-${workflowId}`,
    /** Workflow id the schedule starts runs with; Temporal appends each action's time. */
    scheduledWorkflow: (workflowId: string) => `run-${workflowId}-scheduled`,
    /** A batch child: unique within the run, stable across retries and continue-as-new. */
    batch: (runId: string, pass: string, batch: string) => `run-${runId}-p${pass}-b${batch}`,
  },
  signals: { approve: approveSignal },
  queries: { progress: progressQuery },
} as const satisfies WorkflowContract<'runGraph'>;
