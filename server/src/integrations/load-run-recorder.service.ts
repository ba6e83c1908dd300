import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@rolecall/presets';
import type { BeginUserLoadResult } from '@rolecall/workflows';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { LoadSettings } from './integrations.schema';
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

  /**
   * Starts a run with the settings it will read throughout: the queued one Run now created, or a
   * new one for a scheduled load (once per load key). A scheduled load finds the integration
   * taken when another run is active: it starts nothing and learns which run that is.
   */
  async start(input: NewLoadRun & { runId?: string; appId: string; settings: LoadSettings }): Promise<BeginUserLoadResult> {
    const { runId, appId, settings, ...run } = input;
    if (runId) {
      await this.runs.startQueued(runId, { appId, settings });
      return { runId };
    }
    const started = await this.runs.insertRunningOnce({ ...run, appId, settings });
    if (started) return { runId: started.id };
    const active = await this.runs.findActive(run.integrationId);
    // The other run may have ended between the two reads: let Temporal retry the begin.
    if (!active) throw new DomainError(ErrorCode.DependencyUnavailable, `integration ${run.integrationId} was busy and is free again; retrying`);
    return { runId: null, activeRunId: active.id };
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

  /** Holds a run that listed everything until an admin confirms the deactivation it would make. */
  hold(id: string, wouldDeactivate: number, manager: EntityManager): Promise<void> {
    return this.runs.hold(id, wouldDeactivate, manager);
  }

  recordWaiting(id: string, reason: string): Promise<void> {
    return this.runs.recordWaiting(id, reason);
  }

  fail(id: string, message: string): Promise<void> {
    return this.runs.fail(id, message);
  }
}
