import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import type { LoadRun } from './load-run.entity';
import { LoadRunRepository } from './load-run.repository';

/**
 * Run now writes the queued run before it starts the workflow; a run that young may have no
 * workflow yet, so it is not judged.
 */
const START_GRACE_MS = 60_000;

/** Queued, running or held for confirmation: a run whose workflow should still exist. */
export function isActiveLoadRun(run: Pick<LoadRun, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running' || run.status === 'awaiting_confirmation';
}

/**
 * Fails runs whose Temporal workflow is gone (Temporal data lost or reset) or ended without
 * finishing them, so no run sits "Queued" or "Running" forever. A Temporal that cannot be asked
 * proves nothing: the run is left as it is.
 */
@Injectable()
export class LoadRunLiveness {
  private readonly logger = new Logger(LoadRunLiveness.name);

  constructor(
    private readonly runs: LoadRunRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** The run as stored after the check: failed with the reason when its workflow is gone. */
  async settle(run: LoadRun): Promise<LoadRun> {
    if (!isActiveLoadRun(run)) return run;
    if (Date.now() - run.startedAt.getTime() < START_GRACE_MS) return run;
    const reason = await this.whyDead(run.workflowId);
    if (!reason || !(await this.runs.failActive(run.id, reason))) return run;
    this.logger.warn(`run ${run.id} marked failed: ${reason}`);
    return this.runs.getById(run.id);
  }

  /** Checks every unfinished run; returns how many were marked failed. */
  async settleAll(): Promise<number> {
    let failed = 0;
    for (const run of await this.runs.listActive()) {
      if ((await this.settle(run)).status === 'failed') failed++;
    }
    return failed;
  }

  private async whyDead(workflowId: string): Promise<string | undefined> {
    try {
      const { status } = await this.temporal.workflow.getHandle(workflowId).describe();
      if (status.name === 'RUNNING') return undefined;
      return `its Temporal workflow ${workflowId} ended (${status.name.toLowerCase()}) without finishing the run; retry it`;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        return `its Temporal workflow ${workflowId} no longer exists (the Temporal data was lost or reset); retry it`;
      }
      this.logger.debug(`cannot ask Temporal about ${workflowId}: ${(err as Error).message}`);
      return undefined;
    }
  }
}
