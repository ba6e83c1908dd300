import type { Actor } from '../audit/audit.schema';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { approveSignal, runGraphContract, startWorkflow } from '@rolecall/workflows';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import { WorkflowsService } from '../workflows/workflows.service';
import type { RunRecord } from './run-record.entity';
import { RunRecordRepository } from './run-record.repository';
import { RunRepository, type RunWithVersion } from './run.repository';
import { toRunRecordView, toRunView } from './run-view';
import type { RunQuery, RunRecordFilter, RunRecordQuery, RunRecordView, RunView, StartRun } from './runs.schema';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** Run now / dry run, approve, cancel, and the runs' read model (status, counts, records). */
@Injectable()
export class RunsService {
  constructor(
    private readonly runs: RunRepository,
    private readonly records: RunRecordRepository,
    private readonly workflows: WorkflowsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  /** Starts a run of the latest launched version (paused workflows too: pause stops triggers only). */
  async start(workflowId: string, { mode, of }: StartRun, actor: Actor): Promise<RunView> {
    const version = of === 'draft' ? await this.workflows.draftSnapshot(workflowId) : await this.workflows.latestVersion(workflowId);
    const runId = randomUUID();
    const temporalWorkflowId = runGraphContract.ids.manualWorkflow(runId);
    await this.dataSource.transaction(async (m) => {
      await this.runs.insert({ id: runId, workflowId, versionId: version.id, temporalWorkflowId, mode, trigger: { kind: 'manual' } }, m);
      await this.record(m, actor, 'workflow.run', workflowId, { runId, mode, of, versionId: version.id });
    });
    await startWorkflow(this.temporal, runGraphContract, {
      workflowId: temporalWorkflowId,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      input: { versionId: version.id, trigger: { kind: 'manual' }, mode, runId },
    });
    return this.get(runId);
  }

  async list(query: RunQuery): Promise<{ items: RunView[]; total: number }> {
    const [rows, total] = await this.runs.page(query);
    return { items: await Promise.all(rows.map((r) => this.view(r))), total };
  }

  /** These runs' views (any order; an unknown id is left out), for the Runs page's merged list. */
  async views(ids: readonly string[]): Promise<RunView[]> {
    return ids.length === 0 ? [] : Promise.all((await this.runs.findWithVersionByIds(ids)).map((r) => this.view(r)));
  }

  /** Completed and failed runs per UTC day (`YYYY-MM-DD`) since a time, for the home page's chart. */
  async finishedPerDay(since: Date): Promise<Map<string, { completed: number; failed: number }>> {
    return new Map((await this.runs.countFinishedPerDay(since)).map(({ day, ...counts }) => [day, counts]));
  }

  async get(id: string): Promise<RunView> {
    return this.view(await this.find(id));
  }

  async listRecords(id: string, query: RunRecordQuery): Promise<{ items: RunRecordView[]; total: number }> {
    await this.find(id);
    const [rows, total] = await this.records.page(id, query);
    return { items: rows.map(toRunRecordView), total };
  }

  async *streamRecords(id: string, filter: RunRecordFilter): AsyncGenerator<RunRecordView[]> {
    await this.find(id);
    for await (const rows of this.records.stream(id, filter)) yield rows.map((r: RunRecord) => toRunRecordView(r));
  }

  /** Lets a run waiting at its destructive blocks' caps go on (409 unless it waits). */
  async approve(id: string, actor: Actor): Promise<RunView> {
    const run = await this.find(id);
    if (run.status !== 'awaiting_approval') throw new DomainError(ErrorCode.Conflict, `run ${id} is ${run.status}, not awaiting approval`);
    await this.dataSource.transaction((m) => this.record(m, actor, 'run.approved', run.workflowId, { runId: id, nodes: run.awaitingNodes }));
    await this.temporal.workflow.getHandle(run.temporalWorkflowId).signal(approveSignal);
    return this.get(id);
  }

  /**
   * Cancels the run: no new effect starts; effects already done stay done and are listed in its
   * records. The status turns `cancelled` once the workflow has stopped (409 for a finished run).
   */
  async cancel(id: string, actor: Actor): Promise<RunView> {
    const run = await this.find(id);
    if (TERMINAL.has(run.status)) throw new DomainError(ErrorCode.Conflict, `run ${id} has already ${run.status === 'cancelled' ? 'been cancelled' : run.status}`);
    await this.dataSource.transaction((m) => this.record(m, actor, 'run.cancelled', run.workflowId, { runId: id }));
    await this.temporal.workflow.getHandle(run.temporalWorkflowId).cancel();
    return this.get(id);
  }

  private async view(run: RunWithVersion): Promise<RunView> {
    const version = await this.workflows.findVersion(run.versionId);
    const ends = new Set(Object.entries(version.ir.nodes).flatMap(([nodeId, n]) => (n.type === 'end' ? [nodeId] : [])));
    return toRunView(run, await this.records.counts(run.id), ends);
  }

  private async find(id: string): Promise<RunWithVersion> {
    const run = await this.runs.findWithVersion(id);
    if (!run) throw new DomainError(ErrorCode.NotFound, `run ${id} does not exist`);
    return run;
  }

  private async record(m: EntityManager, actor: Actor, action: string, workflowId: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record({ actor, action, subjectType: 'workflow', subjectId: workflowId, details }, m);
  }
}
