import { z } from 'zod';
import type { WorkflowContract } from './workflow-contract';

/** Input of the `userLoad` workflow. */
export const UserLoadInputSchema = z.object({
  integrationId: z.uuid(),
  /** Set when the API created the run row first ("Run now"); schedules leave it out. */
  runId: z.uuid().optional(),
  trigger: z.enum(['manual', 'schedule']),
  /** Carried across continue-as-new; progress itself lives in the run record. */
  resume: z.object({ runId: z.uuid() }).optional(),
});
export type UserLoadInput = z.infer<typeof UserLoadInputSchema>;

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
} as const satisfies WorkflowContract<'userLoad'>;
