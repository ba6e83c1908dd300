import { defineSignal } from '@temporalio/workflow';
import { z } from 'zod';
import type { WorkflowContract } from './workflow-contract';

/** Input of the `userLoad` workflow. */
export const UserLoadInputSchema = z.object({
  integrationId: z.uuid(),
  /** Set when the API created the run row first ("Run now"); schedules leave it out. */
  runId: z.uuid().optional(),
  trigger: z.enum(['manual', 'schedule']),
  /** Page activities per execution before continue-as-new (default 500); tests set it low to walk the chain. */
  activitiesPerExecution: z.number().int().min(1).optional(),
  /** Pages one activity applies at most (default 10). */
  pagesPerActivity: z.number().int().min(1).optional(),
  /** Carried across continue-as-new; progress itself lives in the run record. */
  resume: z.object({ runId: z.uuid() }).optional(),
});
export type UserLoadInput = z.infer<typeof UserLoadInputSchema>;

/** What an admin decides for a run held before a mass deactivation: go ahead, or complete without it. */
export const DeactivationDecisionSchema = z.enum(['deactivate', 'skip']);
export type DeactivationDecision = z.infer<typeof DeactivationDecisionSchema>;

/**
 * Retry policy of the load's activities. No attempt limit: a vendor or database outage of any
 * length leaves the run waiting (its row says why and when it tries next), never failed; errors
 * that retrying cannot fix are non-retryable and fail the run at once. Activities read it too, to
 * tell when the next attempt comes.
 */
export const USER_LOAD_RETRY = { initialIntervalMs: 2_000, backoffCoefficient: 2, maximumIntervalMs: 120_000 } as const;

/** A user load: one integration's vendor users into the inventory (user-load.workflow.ts). */
export const userLoadContract = {
  name: 'userLoad',
  input: UserLoadInputSchema,
  ids: {
    /** Workflow id of a "Run now" load: one execution per run. */
    manualWorkflow: (integrationId: string, runId: string) => `user-load-${integrationId}-manual-${runId}`,
    /** The Temporal Schedule of a launched integration (one per integration). */
    schedule: (integrationId: string) => `user-load-${integrationId}`,
    /** Workflow id the schedule starts its loads with; Temporal appends each action's time. */
    scheduledWorkflow: (integrationId: string) => `user-load-${integrationId}`,
    /**
     * Names one load across retries and continue-as-new: the workflow id plus the run id the API
     * created, or else the first execution's Temporal run id.
     */
    load: (workflowId: string, runId: string) => `${workflowId}/${runId}`,
  },
  signals: {
    /** Answers a run waiting in `awaiting_confirmation` (sent by the confirm / skip-deactivation endpoints). */
    deactivationDecision: defineSignal<[DeactivationDecision]>('deactivationDecision'),
  },
} as const satisfies WorkflowContract<'userLoad'>;
