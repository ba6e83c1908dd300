import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import type { BatchRecord, BegunRun, OutcomeRow, RunEnd, RunMode, RunStore, RunTrigger } from '@rolecall/workflows';
import type { Ir } from '@rolecall/workflows/graph';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { InventoryRunService } from '../inventory/inventory-run.service';
import type { PopulationScope } from '../inventory/population.repository';
import { WorkflowsService } from '../workflows/workflows.service';
import type { WorkflowRun } from './run.entity';
import { RunRecordRepository } from './run-record.repository';
import { RunRepository } from './run.repository';
import { RunSnapshotRepository } from './run-snapshot.repository';

/**
 * The RunStore port of the engine's activities: begins runs (pinned to their version, population
 * counted once), serves population pages with the outcomes already stored, stores outcomes, and
 * records approval waits and the end.
 */
@Injectable()
export class RunStoreService implements RunStore {
  constructor(
    private readonly runs: RunRepository,
    private readonly records: RunRecordRepository,
    private readonly snapshots: RunSnapshotRepository,
    private readonly workflows: WorkflowsService,
    private readonly inventory: InventoryRunService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async begin(input: { versionId: string; trigger: RunTrigger; mode: RunMode; runId?: string; workflowId: string }): Promise<BegunRun> {
    const version = await this.workflows.findVersion(input.versionId);
    let run = input.runId ? await this.runs.find(input.runId) : null;
    if (!run) {
      // Schedules and event triggers start the workflow first; the run row follows, once per execution.
      run = await this.dataSource.transaction(async (m) => {
        const row = { workflowId: version.workflowId, versionId: version.id, temporalWorkflowId: input.workflowId, mode: input.mode, trigger: input.trigger };
        const { run: ensured, created } = await this.runs.ensure(row, m);
        if (created) {
          await this.audit.record({ actor: { kind: 'system', name: input.trigger.kind }, action: 'workflow.run', subjectType: 'workflow', subjectId: version.workflowId, details: { runId: ensured.id, trigger: input.trigger, mode: input.mode } }, m);
        }
        return ensured;
      });
    }
    if (run.status === 'queued') await this.runs.start(run.id, await this.inventory.countPopulation(await this.scope(run, version.ir, new Date())));
    const started = (await this.runs.find(run.id))!;
    return {
      runId: started.id,
      ir: version.ir,
      mode: started.mode,
      trigger: started.trigger,
      populationTotal: started.populationTotal ?? 0,
      startedAt: (started.startedAt ?? started.createdAt).toISOString(),
    };
  }

  async page({ runId, after, limit }: { runId: string; after: string | null; limit: number }): Promise<BatchRecord[]> {
    const run = await this.get(runId);
    const version = await this.workflows.findVersion(run.versionId);
    const members = await this.inventory.pagePopulation(await this.scope(run, version.ir, run.startedAt ?? run.createdAt), after, limit);
    const priors = await this.records.priors(runId, members.map((m) => m.saasUserId));
    return members.map((m) => ({ ...m, prior: priors.get(m.saasUserId) ?? {} }));
  }

  record(runId: string, rows: readonly OutcomeRow[]): Promise<void> {
    return this.records.record(runId, rows);
  }

  awaitApproval(runId: string, nodeIds: readonly string[]): Promise<void> {
    return this.runs.setAwaiting(runId, nodeIds);
  }

  async finish(runId: string, end: RunEnd, message?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.runs.finish(runId, end, message ?? null, m);
      await this.snapshots.drop(runId, m);
    });
  }

  /** The run's population: the Begin rule over its app, narrowed to the event's subject for event runs. */
  private async scope(run: WorkflowRun, ir: Ir, now: Date): Promise<PopulationScope> {
    const base = { appId: ir.population.appId, rule: ir.population.rule, now };
    if (run.trigger.kind !== 'event') return base;
    const event = await this.inventory.findEvent(run.trigger.eventId);
    if (event?.saasUserId) return { ...base, only: { saasUserId: event.saasUserId } };
    if (event?.personId) return { ...base, only: { personId: event.personId } };
    throw new DomainError(ErrorCode.NotFound, `inventory event ${run.trigger.eventId} names no SaaS user or person`);
  }

  private async get(runId: string): Promise<WorkflowRun> {
    const run = await this.runs.find(runId);
    if (!run) throw new DomainError(ErrorCode.NotFound, `run ${runId} does not exist (its workflow was deleted?)`);
    return run;
  }
}
