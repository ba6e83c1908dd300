import type { Actor } from '../audit/audit.schema';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { startWorkflow, userLoadContract, type DeactivationDecision } from '@rolecall/workflows';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import { assertReady } from './integration-readiness';
import { isActiveLoadRun, LoadRunLiveness } from './load-run-liveness.service';
import type { LoadRun } from './load-run.entity';
import { LoadRunRepository } from './load-run.repository';
import { toLoadRunView } from './load-run-view';
import type { LoadRunDetail, LoadRunErrorsQuery, LoadRunErrorView, LoadRunListItem, LoadRunsQuery, LoadRunView } from './integrations.schema';
import type { LoadRunError } from './load-run-error.entity';
import { IntegrationsService } from './integrations.service';
import { UserLoadSchedules } from './user-load-schedules';

/** How many runs the run list of an integration shows. */
const RUNS_LISTED = 100;

/** Run now, cancel and retry, and the runs' read model (status, counts, error log). */
@Injectable()
export class LoadRunsService {
  constructor(
    private readonly runs: LoadRunRepository,
    private readonly integrations: IntegrationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly env: Env,
    private readonly liveness: LoadRunLiveness,
    private readonly schedules: UserLoadSchedules,
  ) {}

  /**
   * Run now: creates the run record (audited), then starts the load workflow for it. One load per
   * integration at a time: while another run is active this answers 409 naming that run. A run
   * whose workflow Temporal refuses is marked failed with the reason, never left queued.
   */
  async runNow(id: string, actor: Actor): Promise<LoadRunView> {
    const integration = await this.integrations.find(id);
    assertReady(integration);
    const runId = randomUUID();
    const workflowId = userLoadContract.ids.manualWorkflow(id, runId);
    try {
      await this.dataSource.transaction(async (m) => {
        await this.runs.insertQueued({ id: runId, integrationId: id, loadKey: userLoadContract.ids.load(workflowId, runId), workflowId, trigger: 'manual' }, m);
        await this.integrations.record(m, actor, 'integration.run', id, { runId });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const active = await this.runs.findActive(id);
      throw new DomainError(ErrorCode.Conflict, `integration ${id} is already loading (run ${active?.id ?? 'just finished'}); wait for it or open that run`, {
        runningRunId: active?.id ?? null,
      });
    }
    try {
      await startWorkflow(this.temporal, userLoadContract, {
        taskQueue: this.env.TEMPORAL_TASK_QUEUE,
        workflowId,
        input: { integrationId: id, runId, trigger: 'manual' },
      });
    } catch (err) {
      const reason = `Temporal did not start the load: ${err instanceof Error ? err.message : String(err)}`;
      await this.runs.fail(runId, reason);
      throw new DomainError(ErrorCode.DependencyUnavailable, `${reason}; check Temporal and run again`, { runId });
    }
    return toLoadRunView(await this.runs.getById(runId));
  }

  /**
   * Answers a run held in `awaiting_confirmation`: `deactivate` goes ahead, `skip` completes the
   * run without deactivating anyone. The workflow waiting for the decision applies it.
   */
  async decide(id: string, runId: string, decision: DeactivationDecision, actor: Actor): Promise<LoadRunView> {
    const run = await this.findRun(id, runId);
    if (run.status !== 'awaiting_confirmation') {
      throw new DomainError(ErrorCode.Conflict, `run ${runId} is ${run.status}, not awaiting confirmation: there is nothing to decide`);
    }
    try {
      await this.temporal.workflow.getHandle(run.workflowId).signal(userLoadContract.signals.deactivationDecision, decision);
    } catch (err) {
      throw new DomainError(ErrorCode.DependencyUnavailable, `could not reach the load's workflow: ${err instanceof Error ? err.message : String(err)}; try again`);
    }
    await this.dataSource.transaction((m) => this.integrations.record(m, actor, 'integration.run_decided', id, { runId, decision }));
    return toLoadRunView(run);
  }

  /** Completed and failed runs per UTC day (`YYYY-MM-DD`) since a time. */
  async finishedPerDay(since: Date): Promise<Map<string, { completed: number; failed: number }>> {
    const days = new Map<string, { completed: number; failed: number }>();
    for (const row of await this.runs.countFinishedPerDay(since)) {
      const day = days.get(row.day) ?? { completed: 0, failed: 0 };
      if (row.status === 'completed') day.completed = row.count;
      if (row.status === 'failed') day.failed = row.count;
      days.set(row.day, day);
    }
    return days;
  }

  countCompleted(): Promise<number> {
    return this.runs.countCompleted();
  }

  /** Each integration's latest run, where it failed: the loads that need attention. */
  async failingLatest(): Promise<LoadRunView[]> {
    return (await this.runs.listFailingLatest()).map(toLoadRunView);
  }

  /** Every integration's runs (the Runs page), each with its integration's name. */
  async page(query: LoadRunsQuery): Promise<{ items: LoadRunListItem[]; total: number }> {
    const [rows, total] = await this.runs.page(query);
    return { items: await this.toListItems(rows), total };
  }

  /** These runs as the Runs page lists them (any order; an unknown id is left out). */
  async listItems(ids: readonly string[]): Promise<LoadRunListItem[]> {
    return ids.length === 0 ? [] : this.toListItems(await this.runs.findByIds(ids));
  }

  private async toListItems(rows: readonly LoadRun[]): Promise<LoadRunListItem[]> {
    const integrations = await this.integrations.list();
    const names = new Map(integrations.map((i) => [i.id, i.name]));
    const next = await this.schedules.nextRuns(integrations.filter((i) => i.status === 'active').map((i) => i.id));
    return rows.map((r) => ({
      ...toLoadRunView(r),
      integrationName: names.get(r.integrationId) ?? r.integrationId,
      nextScheduledAt: next.get(r.integrationId)?.toISOString() ?? null,
    }));
  }

  /** Cancels an active load: Temporal cancels its workflow, the run is marked cancelled. */
  async cancel(id: string, runId: string, actor: Actor): Promise<LoadRunView> {
    const run = await this.findRun(id, runId);
    if (!isActiveLoadRun(run)) {
      throw new DomainError(ErrorCode.Conflict, `run ${runId} is already ${run.status}; only a queued, running or held run can be cancelled`);
    }
    try {
      await this.temporal.workflow.getHandle(run.workflowId).cancel();
    } catch (err) {
      // A workflow that no longer exists has nothing left to cancel; the run is cancelled all the same.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    await this.dataSource.transaction(async (m) => {
      if (await this.runs.cancelActive(runId, m)) await this.integrations.record(m, actor, 'integration.run_cancelled', id, { runId });
    });
    return toLoadRunView(await this.runs.getById(runId));
  }

  /** Retry: a new run of the same integration, once the run has finished (failed, cancelled or completed). */
  async retry(id: string, runId: string, actor: Actor): Promise<LoadRunView> {
    const run = await this.liveness.settle(await this.findRun(id, runId));
    if (isActiveLoadRun(run)) {
      throw new DomainError(ErrorCode.Conflict, `run ${runId} is still ${run.status}; cancel it first or wait for it to finish`);
    }
    return this.runNow(id, actor);
  }

  async list(id: string): Promise<LoadRunView[]> {
    await this.integrations.find(id);
    const runs = await this.runs.listOfIntegration(id, RUNS_LISTED);
    return (await Promise.all(runs.map((r) => this.liveness.settle(r)))).map(toLoadRunView);
  }

  async get(id: string, runId: string, { errorsPage, errorsPageSize, errorsQ }: LoadRunErrorsQuery): Promise<LoadRunDetail> {
    const run = await this.liveness.settle(await this.findRun(id, runId));
    const [errors, errorsTotal] = await this.runs.pageErrors(runId, (errorsPage - 1) * errorsPageSize, errorsPageSize, errorsQ);
    return {
      ...toLoadRunView(run),
      errors: errors.map(toLoadRunErrorView),
      errorsTotal,
      errorsPage,
    };
  }

  /** The whole error log (or the entries matching `q`) in batches, for the CSV export. */
  async *streamErrors(id: string, runId: string, q: string | undefined, batchSize = 1000): AsyncGenerator<LoadRunErrorView[]> {
    await this.findRun(id, runId);
    for (let skip = 0; ; skip += batchSize) {
      const [errors] = await this.runs.pageErrors(runId, skip, batchSize, q);
      if (errors.length > 0) yield errors.map(toLoadRunErrorView);
      if (errors.length < batchSize) return;
    }
  }

  private async findRun(id: string, runId: string): Promise<LoadRun> {
    const run = await this.runs.findOfIntegration(id, runId);
    if (!run) throw new DomainError(ErrorCode.NotFound, `integration ${id} has no run ${runId}`);
    return run;
  }
}

function toLoadRunErrorView(e: LoadRunError): LoadRunErrorView {
  return { externalId: e.externalId, outcome: e.outcome, reason: e.reason, record: e.record, pageIndex: e.pageIndex };
}
