import type { Actor } from '../audit/audit.schema';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { compile, type CompileError, type Ir } from '@rolecall/workflows/graph';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { CompileContextService } from './compile-context.service';
import { WorkflowRepository, type WorkflowWithLatest } from './workflow.repository';
import type { WorkflowVersion } from './workflow-version.entity';
import { WorkflowSchedules } from './workflow-schedules';
import { toVersionView, toWorkflowListItem, toWorkflowView } from './workflow-view';
import type { CreateWorkflow, UpdateWorkflow, WorkflowListItem, WorkflowVersionView, WorkflowView } from './workflows.schema';

/** How long the list waits for one Temporal Schedule describe before it shows the next run as unknown. */
const SCHEDULE_DESCRIBE_TIMEOUT_MS = 2_000;

/**
 * Workflows: the draft graph (CRUD), validation and launch through the same `compile()` the
 * canvas runs, immutable versions, and pause/resume of their triggers. Every change is audited in
 * its own transaction.
 */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly context: CompileContextService,
    private readonly schedules: WorkflowSchedules,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateWorkflow, actor: Actor): Promise<WorkflowView> {
    const id = await this.write(async (m) => {
      const row = await this.workflows.insert({ name: input.name, description: input.description, draft: input.graph }, m);
      await this.record(m, actor, 'workflow.created', row.id, { name: row.name });
      return row.id;
    }, input.name);
    return this.get(id);
  }

  /** Every workflow with its trigger, newest run and next scheduled start (schedules asked in parallel). */
  async list(): Promise<WorkflowListItem[]> {
    const rows = await this.workflows.list();
    const [lastRuns, nextRuns] = await Promise.all([
      this.workflows.lastRuns(rows.map((r) => r.id)),
      Promise.all(rows.map((r) => (r.status === 'draft' ? { known: true, at: null } : this.schedules.nextRun(r.id, SCHEDULE_DESCRIBE_TIMEOUT_MS)))),
    ]);
    return rows.map((row, i) => toWorkflowListItem(row, lastRuns.get(row.id) ?? null, nextRuns[i]!));
  }

  async get(id: string): Promise<WorkflowView> {
    return toWorkflowView(await this.find(id));
  }

  /** Changes the draft only: launched versions and running runs keep what they were launched with. */
  async update(id: string, input: UpdateWorkflow, actor: Actor): Promise<WorkflowView> {
    await this.find(id);
    await this.write(async (m) => {
      const changes = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.graph !== undefined ? { draft: input.graph } : {}),
      };
      await this.workflows.update(id, changes, m);
      await this.record(m, actor, 'workflow.updated', id, { fields: Object.keys(changes) });
    }, input.name);
    return this.get(id);
  }

  /** Deletes the workflow with its versions and runs, and stops its triggers first. */
  async remove(id: string, actor: Actor): Promise<void> {
    const workflow = await this.find(id);
    await this.schedules.remove(id);
    await this.dataSource.transaction(async (m) => {
      await this.workflows.remove(id, m);
      await this.record(m, actor, 'workflow.deleted', id, { name: workflow.name });
    });
  }

  /** The draft's compile errors as a 422 problem; nothing when it compiles. */
  async validate(id: string): Promise<{ ok: true }> {
    await this.compiled(await this.find(id));
    return { ok: true };
  }

  /**
   * Compiles the draft and freezes the IR as version N+1 (422 with every error when it does not
   * compile), then points the triggers at it: the schedule now starts N+1; the event consumer
   * follows the latest version. Runs already going stay on the version they started with.
   */
  async launch(id: string, actor: Actor): Promise<WorkflowVersionView> {
    const draft = await this.find(id);
    const ir = await this.compiled(draft);
    const version = await this.dataSource.transaction(async (m) => {
      const locked = await this.workflows.findForUpdate(id, m);
      if (!locked) throw this.notFound(id);
      const number = ((await this.workflows.latestVersion(id, m))?.number ?? 0) + 1;
      const row = await this.workflows.insertVersion({ workflowId: id, number, ir, graph: draft.draft }, m);
      await this.workflows.update(id, { status: 'active' }, m);
      await this.record(m, actor, 'workflow.launched', id, { versionId: row.id, number });
      return row;
    });
    await this.syncSchedule(await this.find(id), version);
    return toVersionView(version);
  }

  /**
   * Freezes the draft as it is now (422 with every error when it does not compile) for a dry run
   * of the draft: a snapshot the run is pinned to, never launched, listed or run live.
   */
  async draftSnapshot(id: string): Promise<WorkflowVersion> {
    const draft = await this.find(id);
    const ir = await this.compiled(draft);
    return this.dataSource.transaction(async (m) => {
      const locked = await this.workflows.findForUpdate(id, m);
      if (!locked) throw this.notFound(id);
      const number = await this.workflows.nextDraftSnapshotNumber(id, m);
      return this.workflows.insertVersion({ workflowId: id, number, ir, graph: draft.draft }, m);
    });
  }

  /** Stops the triggers (schedule paused, events not consumed); manual runs stay possible. */
  async pause(id: string, actor: Actor): Promise<WorkflowView> {
    return this.setActive(id, false, actor);
  }

  async resume(id: string, actor: Actor): Promise<WorkflowView> {
    return this.setActive(id, true, actor);
  }

  async versions(id: string): Promise<WorkflowVersionView[]> {
    await this.find(id);
    return (await this.workflows.versions(id)).map(toVersionView);
  }

  /** A version of this workflow (launched or a draft snapshot); 404 for another workflow's. */
  async version(id: string, versionId: string): Promise<WorkflowVersionView> {
    await this.find(id);
    const version = await this.workflows.findVersion(versionId);
    if (!version || version.workflowId !== id) throw new DomainError(ErrorCode.NotFound, `workflow ${id} has no version ${versionId}`);
    return toVersionView(version);
  }

  /** The version a new run starts on: the latest launched one (409 before the first launch). */
  async latestVersion(id: string): Promise<WorkflowVersion> {
    const workflow = await this.find(id);
    const version = await this.workflows.latestVersion(id);
    if (!version) throw new DomainError(ErrorCode.Conflict, `workflow "${workflow.name}" has never been launched; launch it to run it`);
    return version;
  }

  async findVersion(versionId: string): Promise<WorkflowVersion> {
    const version = await this.workflows.findVersion(versionId);
    if (!version) throw new DomainError(ErrorCode.NotFound, `workflow version ${versionId} does not exist (deleted with its workflow?)`);
    return version;
  }

  /** The latest version of each active workflow: what schedules and event triggers run. */
  activeVersions(): Promise<WorkflowVersion[]> {
    return this.workflows.activeVersions();
  }

  private async setActive(id: string, active: boolean, actor: Actor): Promise<WorkflowView> {
    const workflow = await this.find(id);
    if (workflow.latestVersion === null) throw new DomainError(ErrorCode.Conflict, `workflow "${workflow.name}" has never been launched; there is nothing to ${active ? 'resume' : 'pause'}`);
    await this.dataSource.transaction(async (m) => {
      await this.workflows.update(id, { status: active ? 'active' : 'paused' }, m);
      await this.record(m, actor, active ? 'workflow.resumed' : 'workflow.paused', id, {});
    });
    await this.schedules.setPaused(id, !active);
    return this.get(id);
  }

  private async syncSchedule(workflow: WorkflowWithLatest, version: WorkflowVersion): Promise<void> {
    const { trigger } = version.ir;
    if (trigger.kind === 'schedule') await this.schedules.upsert(workflow, version.id, trigger, workflow.status !== 'active');
    else await this.schedules.remove(workflow.id);
  }

  private async compiled(workflow: WorkflowWithLatest): Promise<Ir> {
    const result = compile(workflow.draft, await this.context.build());
    if (result.ok) return result.ir;
    throw new DomainError(ErrorCode.Unprocessable, describeErrors(workflow.name, result.errors), { errors: result.errors });
  }

  private async find(id: string): Promise<WorkflowWithLatest> {
    const workflow = await this.workflows.find(id);
    if (!workflow) throw this.notFound(id);
    return workflow;
  }

  private notFound(id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `workflow ${id} does not exist`);
  }

  private async write<T>(body: (m: EntityManager) => Promise<T>, name: string | undefined): Promise<T> {
    try {
      return await this.dataSource.transaction(body);
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ErrorCode.Conflict, `a workflow named "${name}" already exists; pick another name`);
      throw err;
    }
  }

  private async record(m: EntityManager, actor: Actor, action: string, id: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record({ actor, action, subjectType: 'workflow', subjectId: id, details }, m);
  }
}

function describeErrors(name: string, errors: readonly CompileError[]): string {
  const first = errors[0]!.message;
  return errors.length === 1 ? `workflow "${name}" does not compile: ${first}` : `workflow "${name}" has ${errors.length} problems, e.g.: ${first}`;
}
