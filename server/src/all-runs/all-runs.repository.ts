import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One side of the merge and its filters; absent = that source is ruled out. */
export type RunSourceFilter = { status?: string; trigger?: string; integrationId?: string; workflowId?: string };

/** Which run sits at a place in the merged list; the owning service reads the run itself. */
export type RunRef = { kind: 'load' | 'workflow'; id: string };

/**
 * The SQL of the Runs page's merged list: `integration_run` and `workflow_run` in one UNION ALL,
 * newest first, paged by OFFSET. A load sorts by `started_at` (set when it is queued), a workflow
 * run by `created_at` (when it was queued, as `GET /api/runs` orders them): the indexed columns of
 * each table (idx_integration_run_started, idx_workflow_run_*), not when a queued run began. Ties
 * break by id so pages never overlap.
 */
@Injectable()
export class AllRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(sources: { loads?: RunSourceFilter; workflows?: RunSourceFilter }, offset: number, limit: number): Promise<[RunRef[], number]> {
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const sides: { rows: string; count: string }[] = [];
    if (sources.loads) {
      const where = conditions({ integration_id: sources.loads.integrationId, status: sources.loads.status, trigger: sources.loads.trigger }, bind);
      sides.push({ rows: `SELECT 'load' AS kind, id, started_at AS at FROM integration_run${where}`, count: `SELECT count(*) FROM integration_run${where}` });
    }
    if (sources.workflows) {
      const where = conditions({ workflow_id: sources.workflows.workflowId, status: sources.workflows.status, trigger_kind: sources.workflows.trigger }, bind);
      sides.push({ rows: `SELECT 'workflow' AS kind, id, created_at AS at FROM workflow_run${where}`, count: `SELECT count(*) FROM workflow_run${where}` });
    }
    if (sides.length === 0) return [[], 0];
    const filters = [...params];
    const rows: RunRef[] = await this.dataSource.query(
      `SELECT kind, id FROM (${sides.map((s) => s.rows).join(' UNION ALL ')}) runs ORDER BY at DESC, id DESC OFFSET ${bind(offset)} LIMIT ${bind(limit)}`,
      params,
    );
    const [counted]: { total: string }[] = await this.dataSource.query(`SELECT ${sides.map((s) => `(${s.count})`).join(' + ')} AS total`, filters);
    return [rows, Number(counted?.total ?? 0)];
  }
}

/** ` WHERE col = $n AND …` for the columns given a value; empty when none is. */
function conditions(columns: Record<string, string | undefined>, bind: (value: unknown) => string): string {
  const parts = Object.entries(columns).flatMap(([column, value]) => (value === undefined ? [] : [`${column} = ${bind(value)}`]));
  return parts.length === 0 ? '' : ` WHERE ${parts.join(' AND ')}`;
}
