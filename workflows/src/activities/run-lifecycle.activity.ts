import { ApplicationFailure, Context } from '@temporalio/activity';
import type { RunGraphInput } from '../contracts/run-graph.contract';
import type { BatchRecord, BegunRun, OutcomeRow, RunEnd, RunStore } from './engine-ports';

/** The run's bookkeeping: begin (pin the version), population pages, outcomes, approval status, end. */
export function createRunLifecycleActivities(runs: RunStore) {
  return {
    async beginRun(input: Omit<RunGraphInput, 'resume'>): Promise<BegunRun> {
      const execution = Context.current().info.workflowExecution;
      if (!execution) throw ApplicationFailure.nonRetryable('beginRun runs only inside the runGraph workflow');
      return runs.begin({ ...input, workflowId: execution.workflowId });
    },
    async loadBatch(input: { runId: string; after: string | null; limit: number }): Promise<BatchRecord[]> {
      return runs.page(input);
    },
    async recordOutcomes(input: { runId: string; rows: OutcomeRow[] }): Promise<void> {
      await runs.record(input.runId, input.rows);
    },
    async awaitApproval(input: { runId: string; nodeIds: string[] }): Promise<void> {
      await runs.awaitApproval(input.runId, input.nodeIds);
    },
    async finishRun(input: { runId: string; end: RunEnd; message?: string }): Promise<void> {
      await runs.finish(input.runId, input.end, input.message);
    },
  };
}
