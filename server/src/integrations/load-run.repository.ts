import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserLoadCounts } from '@rolecall/workflows';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { LoadRunsQuery, LoadRunStatus } from './integrations.schema';
import { containsPattern } from '../inventory/search-pattern';
import { LoadRunError } from './load-run-error.entity';
import { LoadRun } from './load-run.entity';
import type { LoadRunOutcome } from './load-run-outcome';

/** A new run as the one who starts it knows it. */
export type NewLoadRun = Pick<LoadRun, 'integrationId' | 'loadKey' | 'workflowId' | 'trigger'>;

/** What one applied page adds to a run's counts, and where the listing goes on. */
export type PageProgress = UserLoadCounts & { unchanged: number; nextCursor: string | null };

/** A skipped or failed record of a run's error log. */
export type NewLoadRunError = Pick<LoadRunError, 'runId' | 'pageIndex' | 'externalId' | 'outcome' | 'reason' | 'record'>;

/** Statuses in which a run holds its integration (uq_integration_run_active). */
const ACTIVE: LoadRunStatus[] = ['queued', 'running', 'awaiting_confirmation'];

/**
 * The SQL of `integration_run` and its error log `integration_run_error`. Methods taking a
 * manager run inside the caller's transaction.
 */
@Injectable()
export class LoadRunRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Fails with a unique violation while another run of the integration is active. */
  async insertQueued(run: NewLoadRun & { id: string }, manager: EntityManager): Promise<void> {
    await manager.insert(LoadRun, { ...run, status: 'queued' });
  }

  /**
   * Inserts a running run unless one with the same load key exists (a retried start); returns the
   * stored run, or null when another run of the integration is active (nothing was inserted).
   */
  async insertRunningOnce(run: NewLoadRun & Pick<LoadRun, 'appId' | 'settings'>): Promise<LoadRun | null> {
    await this.dataSource
      .getRepository(LoadRun)
      .createQueryBuilder()
      .insert()
      .values({ ...run, status: 'running' })
      .orIgnore()
      .execute();
    return this.dataSource.manager.findOneBy(LoadRun, { loadKey: run.loadKey });
  }

  /** queued → running with the settings it runs with; a run already past queued is left as it is. */
  async startQueued(id: string, start: Pick<LoadRun, 'appId' | 'settings'>): Promise<void> {
    await this.dataSource.manager.update(LoadRun, { id, status: 'queued' }, { ...start, status: 'running', startedAt: new Date() });
  }

  /** The run that holds the integration now, if any. */
  async findActive(integrationId: string): Promise<LoadRun | null> {
    return this.dataSource.manager.findOneBy(LoadRun, { integrationId, status: In(ACTIVE) });
  }

  async findById(id: string): Promise<LoadRun | null> {
    return this.dataSource.manager.findOneBy(LoadRun, { id });
  }

  /** A run known to exist (just written, or locked by the caller). */
  async getById(id: string, manager: EntityManager = this.dataSource.manager): Promise<LoadRun> {
    return manager.findOneByOrFail(LoadRun, { id });
  }

  async findOfIntegration(integrationId: string, id: string): Promise<LoadRun | null> {
    return this.dataSource.manager.findOneBy(LoadRun, { id, integrationId });
  }

  /** The latest runs of an integration, newest first. */
  async listOfIntegration(integrationId: string, take: number): Promise<LoadRun[]> {
    return this.dataSource.manager.find(LoadRun, { where: { integrationId }, order: { startedAt: 'DESC' }, take });
  }

  /** Runs that finished since a time, by UTC day and outcome (completed with warnings counts as completed). */
  async countFinishedPerDay(since: Date): Promise<{ day: string; status: LoadRunStatus; count: number }[]> {
    const rows: { day: string; status: LoadRunStatus; n: string }[] = await this.dataSource.query(
      `SELECT to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              CASE WHEN status = 'failed' THEN 'failed' ELSE 'completed' END AS status, count(*) AS n
       FROM integration_run WHERE finished_at >= $1 AND status IN ('completed', 'completed_with_warnings', 'failed')
       GROUP BY 1, 2`,
      [since],
    );
    return rows.map((r) => ({ day: r.day, status: r.status, count: Number(r.n) }));
  }

  async countCompleted(): Promise<number> {
    return this.dataSource.manager.countBy(LoadRun, { status: In(['completed', 'completed_with_warnings']) });
  }

  /** The latest run of each integration where that run failed (idx_integration_run_integration). */
  async listFailingLatest(): Promise<LoadRun[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (
         SELECT DISTINCT ON (integration_id) id, status FROM integration_run ORDER BY integration_id, started_at DESC
       ) latest WHERE status = 'failed'`,
    );
    return rows.length === 0 ? [] : this.dataSource.manager.find(LoadRun, { where: { id: In(rows.map((r) => r.id)) }, order: { startedAt: 'DESC' } });
  }

  async findByIds(ids: readonly string[]): Promise<LoadRun[]> {
    return this.dataSource.manager.find(LoadRun, { where: { id: In([...ids]) } });
  }

  /** One page of every integration's runs, newest first (idx_integration_run_started), and the total. */
  async page(query: LoadRunsQuery): Promise<[LoadRun[], number]> {
    const where = {
      ...(query.integrationId ? { integrationId: query.integrationId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.trigger ? { trigger: query.trigger } : {}),
    };
    return this.dataSource.manager.findAndCount(LoadRun, {
      where,
      order: { startedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
  }

  /** Locked until the transaction ends: one writer at a time moves a run on. */
  async lock(id: string, manager: EntityManager): Promise<LoadRun> {
    return manager.findOneOrFail(LoadRun, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async addPage(id: string, page: PageProgress, manager: EntityManager): Promise<void> {
    await manager.update(LoadRun, { id }, {
      pagesDone: () => 'pages_done + 1',
      nextCursor: page.nextCursor,
      fetched: () => `fetched + ${page.fetched}`,
      created: () => `created + ${page.created}`,
      updated: () => `updated + ${page.updated}`,
      unchanged: () => `unchanged + ${page.unchanged}`,
      skipped: () => `skipped + ${page.skipped}`,
      failed: () => `failed + ${page.failed}`,
      deactivated: () => `deactivated + ${page.deactivated}`,
      // A page went through: whatever the run was waiting for is over.
      waitingReason: null,
    });
  }

  /** Why a running run is waiting; ignored once the run has moved past running. */
  async recordWaiting(id: string, reason: string): Promise<void> {
    await this.dataSource.manager.update(LoadRun, { id, status: 'running' }, { waitingReason: reason });
  }

  /** running → awaiting_confirmation, with how many users the run would deactivate. */
  async hold(id: string, wouldDeactivate: number, manager: EntityManager): Promise<void> {
    await manager.update(LoadRun, { id }, { status: 'awaiting_confirmation', wouldDeactivate, waitingReason: null });
  }

  async complete(id: string, outcome: LoadRunOutcome, deactivated: number, manager: EntityManager): Promise<void> {
    await manager.update(LoadRun, { id }, {
      ...outcome,
      finishedAt: new Date(),
      waitingReason: null,
      deactivated: () => `deactivated + ${deactivated}`,
    });
  }

  /** An active run → failed; a run already finished keeps its outcome. */
  async fail(id: string, message: string): Promise<void> {
    await this.dataSource.manager.update(LoadRun, { id, status: In(ACTIVE) }, { status: 'failed', finishedAt: new Date(), error: message, waitingReason: null });
  }

  /** Per integration, the inventory app its latest started run wrote to (integrations never run are absent). */
  async latestAppIds(integrationIds: readonly string[]): Promise<Map<string, string>> {
    if (integrationIds.length === 0) return new Map();
    const rows: { integration_id: string; app_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (integration_id) integration_id, app_id FROM integration_run
        WHERE integration_id = ANY($1) AND app_id IS NOT NULL ORDER BY integration_id, started_at DESC`,
      [integrationIds],
    );
    return new Map(rows.map((r) => [r.integration_id, r.app_id]));
  }

  /** Active runs (queued, running, awaiting confirmation), oldest first. */
  async listActive(): Promise<LoadRun[]> {
    return this.dataSource.manager.find(LoadRun, { where: { status: In(ACTIVE) }, order: { startedAt: 'ASC' } });
  }

  /** An active run → failed with the reason; false when the run had finished meanwhile. */
  async failActive(id: string, message: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(LoadRun, { id, status: In(ACTIVE) }, { status: 'failed', finishedAt: new Date(), error: message, waitingReason: null });
    return (result.affected ?? 0) > 0;
  }

  /** An active run → cancelled; false when the run had finished meanwhile. */
  async cancelActive(id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(LoadRun, { id, status: In(ACTIVE) }, { status: 'cancelled', finishedAt: new Date(), waitingReason: null });
    return (result.affected ?? 0) > 0;
  }

  async appendErrors(errors: readonly NewLoadRunError[], manager: EntityManager): Promise<void> {
    if (errors.length === 0) return;
    await manager.save(LoadRunError, manager.create(LoadRunError, [...errors]), { reload: false });
  }

  /** One page of a run's error log, in the order written, with the log's size. */
  /**
   * A page of a run's error log in log order, optionally only entries whose id, email, name or
   * reason contain `q`. The search reads only this run's rows (idx_integration_run_error_run).
   */
  async pageErrors(runId: string, skip: number, take: number, q?: string): Promise<[LoadRunError[], number]> {
    const qb = this.dataSource.getRepository(LoadRunError).createQueryBuilder('e').where('e.run_id = :runId', { runId });
    if (q) {
      qb.andWhere(
        `concat_ws(' ', e.external_id, e.reason, e.record->>'email', e.record->>'username', e.record->>'firstName', e.record->>'lastName') ILIKE :q`,
        { q: containsPattern(q) },
      );
    }
    return qb.orderBy('e.id', 'ASC').skip(skip).take(take).getManyAndCount();
  }
}
