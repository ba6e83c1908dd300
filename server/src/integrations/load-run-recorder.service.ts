import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@rolecall/presets';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { LoadRun } from './load-run.entity';
import { loadRunOutcome } from './load-run-outcome';
import { LoadRunRepository, type NewLoadRun, type NewLoadRunError, type PageProgress } from './load-run.repository';

/**
 * What a user load writes about its run: start, per-page progress, error log, outcome. Methods
 * taking a manager join the load's page transaction, so progress and inventory commit together.
 */
@Injectable()
export class LoadRunRecorder {
  constructor(private readonly runs: LoadRunRepository) {}

  /** Starts a run: the queued one Run now created, or a new one for a scheduled load (once per load key). */
  async start(input: NewLoadRun & { runId?: string; appId: string }): Promise<{ runId: string }> {
    const { runId, appId, ...run } = input;
    if (runId) {
      await this.runs.startQueued(runId, appId);
      return { runId };
    }
    return { runId: (await this.runs.insertRunningOnce({ ...run, appId })).id };
  }

  async get(id: string): Promise<LoadRun> {
    const run = await this.runs.findById(id);
    if (!run) throw new DomainError(ErrorCode.NotFound, `integration run ${id} does not exist`);
    return run;
  }

  /** The run as stored, locked until the caller's transaction ends. */
  lock(id: string, manager: EntityManager): Promise<LoadRun> {
    return this.runs.lock(id, manager);
  }

  addPage(id: string, page: PageProgress, manager: EntityManager): Promise<void> {
    return this.runs.addPage(id, page, manager);
  }

  appendErrors(errors: readonly NewLoadRunError[], manager: EntityManager): Promise<void> {
    return this.runs.appendErrors(errors, manager);
  }

  /**
   * Marks the run completed (with warnings when more than `warnShare` of its records were skipped
   * or failed), adding the users deactivated at the end, and returns it as stored.
   */
  async complete(id: string, deactivated: number, warnShare: number, manager: EntityManager): Promise<LoadRun> {
    const run = await this.reload(id, manager);
    await this.runs.complete(id, loadRunOutcome(run, warnShare), deactivated, manager);
    return this.reload(id, manager);
  }

  /** The run as stored inside the caller's transaction. */
  reload(id: string, manager: EntityManager): Promise<LoadRun> {
    return this.runs.getById(id, manager);
  }

  fail(id: string, message: string): Promise<void> {
    return this.runs.fail(id, message);
  }
}
