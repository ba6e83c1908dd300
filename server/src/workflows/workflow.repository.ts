import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThanOrEqual, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import type { RunMode } from '@rolecall/workflows';
import type { RunStatus } from '../runs/runs.schema';
import { FIRST_LAUNCHED_NUMBER, WorkflowVersion } from './workflow-version.entity';
import { Workflow } from './workflow.entity';

/** A workflow with the number of its latest launched version. */
export type WorkflowWithLatest = Workflow & { latestVersion: number | null };

/** A workflow's newest run, as `lastRuns` reads it. */
export type LastRunRow = { id: string; status: RunStatus; mode: RunMode; createdAt: Date; finishedAt: Date | null };

/** The SQL of `workflow` and `workflow_version`. Versions are inserted, never updated. */
@Injectable()
export class WorkflowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(row: Pick<Workflow, 'name' | 'description' | 'draft'>, manager: EntityManager): Promise<Workflow> {
    return manager.save(manager.create(Workflow, row));
  }

  async list(): Promise<WorkflowWithLatest[]> {
    const rows = await this.dataSource.getRepository(Workflow).find({ order: { name: 'ASC' } });
    const latest = await this.latestNumbers(rows.map((r) => r.id));
    return rows.map((r) => Object.assign(r, { latestVersion: latest.get(r.id) ?? null }));
  }

  /**
   * The newest run of each of these workflows, in one query. `workflow_run` belongs to the runs
   * module, but that module depends on this one, so the list's read of it lives here.
   */
  async lastRuns(workflowIds: readonly string[]): Promise<Map<string, LastRunRow>> {
    if (workflowIds.length === 0) return new Map();
    const rows: (LastRunRow & { workflow_id: string })[] = await this.dataSource.query(
      `SELECT DISTINCT ON (workflow_id) workflow_id, id, status, mode, created_at AS "createdAt", finished_at AS "finishedAt"
       FROM workflow_run WHERE workflow_id = ANY($1::uuid[])
       ORDER BY workflow_id, created_at DESC, id DESC`,
      [workflowIds],
    );
    return new Map(rows.map(({ workflow_id, ...run }) => [workflow_id, run]));
  }

  async find(id: string, manager?: EntityManager): Promise<WorkflowWithLatest | null> {
    const row = await this.m(manager).findOne(Workflow, { where: { id } });
    if (!row) return null;
    const latest = await this.latestNumbers([id], manager);
    return Object.assign(row, { latestVersion: latest.get(id) ?? null });
  }

  /** Locked until the transaction ends, so two launches number their versions one after the other. */
  async findForUpdate(id: string, manager: EntityManager): Promise<Workflow | null> {
    return manager.findOne(Workflow, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, changes: Partial<Pick<Workflow, 'name' | 'description' | 'draft' | 'status'>>, manager: EntityManager): Promise<void> {
    // The draft's node `data: unknown` defeats TypeORM's deep-partial type; the schema checked it.
    await manager.update(Workflow, { id }, changes as QueryDeepPartialEntity<Workflow>);
  }

  async remove(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(Workflow, { id });
  }

  async insertVersion(row: Pick<WorkflowVersion, 'workflowId' | 'number' | 'ir' | 'graph'>, manager: EntityManager): Promise<WorkflowVersion> {
    return manager.save(manager.create(WorkflowVersion, row));
  }

  /** Launched versions, newest first (draft snapshots are left out). */
  async versions(workflowId: string): Promise<WorkflowVersion[]> {
    return this.dataSource.getRepository(WorkflowVersion).find({ where: { workflowId, number: MoreThanOrEqual(FIRST_LAUNCHED_NUMBER) }, order: { number: 'DESC' } });
  }

  async latestVersion(workflowId: string, manager?: EntityManager): Promise<WorkflowVersion | null> {
    return this.m(manager).findOne(WorkflowVersion, { where: { workflowId, number: MoreThanOrEqual(FIRST_LAUNCHED_NUMBER) }, order: { number: 'DESC' } });
  }

  /** The number the next draft snapshot takes: 0, then -1, -2 … (call inside the workflow's lock). */
  async nextDraftSnapshotNumber(workflowId: string, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT least(min(number), $2)::int - 1 AS n FROM workflow_version WHERE workflow_id = $1`, [workflowId, FIRST_LAUNCHED_NUMBER])) as { n: number | null }[];
    return row?.n ?? 0;
  }

  async findVersion(id: string): Promise<WorkflowVersion | null> {
    return this.dataSource.getRepository(WorkflowVersion).findOne({ where: { id } });
  }

  /** The latest version of every active workflow (what triggers run). */
  async activeVersions(): Promise<WorkflowVersion[]> {
    return this.dataSource
      .getRepository(WorkflowVersion)
      .createQueryBuilder('v')
      .innerJoin(Workflow, 'w', 'w.id = v.workflow_id')
      .where(`w.status = 'active'`)
      .andWhere('v.number >= :first', { first: FIRST_LAUNCHED_NUMBER })
      .distinctOn(['v.workflow_id'])
      .orderBy('v.workflow_id')
      .addOrderBy('v.number', 'DESC')
      .getMany();
  }

  private async latestNumbers(ids: string[], manager?: EntityManager): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.m(manager).query(`SELECT workflow_id, max(number)::int AS n FROM workflow_version WHERE workflow_id = ANY($1::uuid[]) AND number >= $2 GROUP BY workflow_id`, [ids, FIRST_LAUNCHED_NUMBER])) as {
      workflow_id: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.workflow_id, r.n]));
  }
}
