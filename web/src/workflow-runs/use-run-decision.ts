import { useQueryClient } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { approveWorkflowRun, cancelWorkflowRun } from '../api/workflows.api';
import { useConfirmedAction } from '../hooks/use-confirmed-action';

const DECISIONS = { approve: approveWorkflowRun, cancel: cancelWorkflowRun };
export type RunDecision = keyof typeof DECISIONS;

/**
 * Approve or cancel a run, confirmed in a dialog first (`ask('cancel')`, then `confirm()`): the
 * server's answer replaces the polled run at once, and the workflow lists refetch.
 */
export function useRunDecision(runId: string) {
  const queryClient = useQueryClient();
  return useConfirmedAction<RunDecision>(async (decision) => {
    queryClient.setQueryData(queries.workflowRun(runId).queryKey, await DECISIONS[decision](runId));
    await queryClient.invalidateQueries({ queryKey: ['workflows'] });
  });
}
