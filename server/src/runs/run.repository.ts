import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RunMode, RunTrigger } from '@rolecall/workflows';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkflowRun } from './run.entity';
import type { RunQuery, RunStatus } from './runs.schema';

/** A run with the number of the version it is pinned to. */
export type RunWithVersion = WorkflowRun & { versionNumber: number };

const TERMINAL: RunStatus[] = ['completed', 'failed', 'cancelled'];

/** The SQL of `workflow_run`. */
@Injectable()
export class RunRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    row: { id?: string; workflowId: string; versionId: string; temporalWorkflowId: string; mode: RunMode; trigger: RunTrigger },
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(WorkflowRun, { ...row, triggerKind: row.trigger.kind });
  }

  /** Creates the run of a Temporal execution unless it exists (a retried begin); returns it either way. */
  async ensure(row: { workflowId: string; versionId: string; temporalWorkflowId: string; mode: RunMode; trigger: RunTrigger }, manager: EntityManager): Promise<{ run: WorkflowRun; created: boolean }> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(WorkflowRun)
      .values({ ...row, triggerKind: row.trigger.kind })
      .orIgnore()
      .returning(['id'])
      .execute();
    const run = await manager.findOneOrFail(WorkflowRun, { where: { temporalWorkflowId: row.temporalWorkflowId } });
    return { run, created: inserted.raw.length > 0 };
  }

  async find(id: string, manager?: EntityManager): Promise<WorkflowRun | null> {
    return (manager ?? this.dataSource.manager).findOne(WorkflowRun, { where: { id } });
  }

  async findWithVersion(id: string): Promise<RunWithVersion | null> {
    const [run] = await this.withVersion(this.query().where('r.id = :id', { id }));
    return run ?? null;
  }

  async findWithVersionByIds(ids: readonly string[]): Promise<RunWithVersion[]> {
    return this.withVersion(this.query().where('r.id IN (:...ids)', { ids }));
  }

  async page(q: RunQuery): Promise<[RunWithVersion[], number]> {
    const qb = this.query();
    if (q.workflowId) qb.andWhere('r.workflow_id = :workflowId', { workflowId: q.workflowId });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.trigger) qb.andWhere('r.trigger_kind = :trigger', { trigger: q.trigger });
    const total = await qb.getCount();
    const rows = await this.withVersion(qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').offset((q.page - 1) * q.pageSize).limit(q.pageSize));
    return [rows, total];
  }

  /** First begin of a queued run: running, with its population size and clock fixed. */
  async start(id: string, populationTotal: number): Promise<void> {
    await this.dataSource.query(`UPDATE workflow_run SET status = 'running', population_total = $2, started_at = now() WHERE id = $1 AND status = 'queued'`, [id, populationTotal]);
  }

  async setAwaiting(id: string, nodeIds: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE workflow_run SET status = CASE WHEN $2::int > 0 THEN 'awaiting_approval' ELSE 'running' END, awaiting_nodes = $3::jsonb
       WHERE id = $1 AND status NOT IN ('completed', 'failed', 'cancelled')`,
      [id, nodeIds.length, JSON.stringify(nodeIds)],
    );
  }

  async finish(id: string, status: RunStatus, message: string | null, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE workflow_run SET status = $2, message = $3, awaiting_nodes = '[]', finished_at = now() WHERE id = $1 AND status <> ALL($4::text[])`,
      [id, status, message, TERMINAL],
    );
  }

  /** Completed and failed runs per UTC day since a time (cancelled runs are neither). */
  async countFinishedPerDay(since: Date): Promise<{ day: string; completed: number; failed: number }[]> {
    const rows: { day: string; completed: string; failed: string }[] = await this.dataSource.query(
      `SELECT to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              count(*) FILTER (WHERE status = 'completed') AS completed, count(*) FILTER (WHERE status = 'failed') AS failed
       FROM workflow_run WHERE finished_at >= $1 GROUP BY 1`,
      [since],
    );
    return rows.map((r) => ({ day: r.day, completed: Number(r.completed), failed: Number(r.failed) }));
  }

  private query() {
    return this.dataSource.getRepository(WorkflowRun).createQueryBuilder('r').innerJoin('r.version', 'v').addSelect('v.number');
  }

  private async withVersion(qb: ReturnType<RunRepository['query']>): Promise<RunWithVersion[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ v_number: number }>();
    return entities.map((e, i) => Object.assign(e, { versionNumber: Number(raw[i]?.v_number) }));
  }
}
