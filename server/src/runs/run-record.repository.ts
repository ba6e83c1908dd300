import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Claim, EffectKey, EffectResult, OutcomeRow, PriorOutcome } from '@rolecall/workflows';
import { DataSource, type EntityManager } from 'typeorm';
import { RunRecord } from './run-record.entity';
import type { RunRecordFilter, RunRecordQuery } from './runs.schema';

/** The SQL of `run_record`: the run's record log and, for API nodes, its effects ledger. */
@Injectable()
export class RunRecordRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores outcomes in one statement, copying each SaaS user's vendor id and email so the record
   * stays readable after an effect removed the user. Rows already `done` or `claimed` keep theirs.
   */
  async record(runId: string, rows: readonly OutcomeRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO run_record (run_id, node_id, saas_user_id, block, state, outcome, vendor_status, message, detail, external_id, email)
       SELECT $1, r.node_id, r.saas_user_id, r.block, r.state, r.outcome, r.vendor_status, r.message, r.detail, u.external_id, u.email
       FROM jsonb_to_recordset($2::jsonb) AS r(node_id text, saas_user_id uuid, block text, state text, outcome text, vendor_status int, message text, detail jsonb)
       LEFT JOIN saas_user u ON u.id = r.saas_user_id
       ON CONFLICT (run_id, node_id, saas_user_id) DO UPDATE SET
         state = EXCLUDED.state, outcome = EXCLUDED.outcome, vendor_status = EXCLUDED.vendor_status,
         message = EXCLUDED.message, detail = EXCLUDED.detail, updated_at = now()
       WHERE run_record.state = 'held'`,
      [
        runId,
        JSON.stringify(
          rows.map((r) => ({
            node_id: r.nodeId,
            saas_user_id: r.saasUserId,
            block: r.block,
            state: r.state,
            outcome: r.outcome,
            vendor_status: r.vendorStatus ?? null,
            message: r.message ?? null,
            detail: r.detail ?? null,
          })),
        ),
      ],
    );
  }

  /** What was decided for these records so far (done rows only), by record and node. */
  async priors(runId: string, saasUserIds: readonly string[]): Promise<Map<string, Record<string, PriorOutcome>>> {
    const out = new Map<string, Record<string, PriorOutcome>>();
    if (saasUserIds.length === 0) return out;
    const rows = (await this.dataSource.query(
      `SELECT saas_user_id, node_id, block, outcome, detail FROM run_record WHERE run_id = $1 AND saas_user_id = ANY($2::uuid[]) AND state = 'done'`,
      [runId, saasUserIds],
    )) as { saas_user_id: string; node_id: string; block: string; outcome: string; detail: { role?: string | null } | null }[];
    for (const r of rows) {
      const prior: PriorOutcome = { outcome: r.outcome };
      if (r.block === 'roleRetrieval') prior.retrieval = { found: r.outcome === 'found', role: r.detail?.role ?? null };
      out.set(r.saas_user_id, { ...out.get(r.saas_user_id), [r.node_id]: prior });
    }
    return out;
  }

  /**
   * Claims an effect: inserts it (or turns a held row) into `claimed`, counting the attempt. A row
   * that was already `claimed` means an earlier attempt may have called the vendor: `uncertain`.
   */
  async claim(key: EffectKey): Promise<Claim> {
    const params = [key.runId, key.nodeId, key.saasUserId];
    return this.dataSource.transaction(async (m) => {
      // Locks the row (when there is one) so two attempts of the same effect claim one after the other.
      const [prev] = (await m.query(`SELECT state, outcome, detail FROM run_record WHERE run_id = $1 AND node_id = $2 AND saas_user_id = $3 FOR UPDATE`, params)) as {
        state: string;
        outcome: string | null;
        detail: Record<string, unknown> | null;
      }[];
      if (prev?.state === 'done') return { state: 'done', outcome: prev.outcome ?? 'success', ...(prev.detail ? { detail: prev.detail } : {}) };
      await m.query(
        `INSERT INTO run_record (run_id, node_id, saas_user_id, block, state, attempts, external_id, email)
         SELECT $1, $2, $3, 'api', 'claimed', 1, u.external_id, u.email FROM (SELECT 1) one LEFT JOIN saas_user u ON u.id = $3
         ON CONFLICT (run_id, node_id, saas_user_id) DO UPDATE SET state = 'claimed', attempts = run_record.attempts + 1, updated_at = now()`,
        params,
      );
      return prev?.state === 'claimed' ? { state: 'uncertain' } : { state: 'new' };
    });
  }

  async release(key: EffectKey): Promise<void> {
    await this.dataSource.query(`UPDATE run_record SET state = 'held', updated_at = now() WHERE run_id = $1 AND node_id = $2 AND saas_user_id = $3 AND state = 'claimed'`, [
      key.runId,
      key.nodeId,
      key.saasUserId,
    ]);
  }

  /** Completes a claimed effect; false when it was already done (nothing changed). */
  async complete(key: EffectKey, result: EffectResult, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE run_record SET state = 'done', outcome = $4, vendor_status = $5, message = $6, detail = $7, updated_at = now()
       WHERE run_id = $1 AND node_id = $2 AND saas_user_id = $3 AND state <> 'done' RETURNING 1`,
      [key.runId, key.nodeId, key.saasUserId, result.outcome, result.vendorStatus ?? null, result.message ?? null, result.detail ?? null],
    )) as [unknown[], number] | unknown[];
    return (Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows).length > 0;
  }

  /** Records per node and outcome (`held` and `claimed` rows count under their state). */
  async counts(runId: string): Promise<{ nodeId: string; outcome: string; n: number }[]> {
    const rows = (await this.dataSource.query(
      `SELECT node_id, CASE WHEN state = 'done' THEN outcome ELSE state END AS outcome, count(*)::int AS n
       FROM run_record WHERE run_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [runId],
    )) as { node_id: string; outcome: string; n: number }[];
    return rows.map((r) => ({ nodeId: r.node_id, outcome: r.outcome, n: r.n }));
  }

  async page(runId: string, q: RunRecordQuery): Promise<[RunRecord[], number]> {
    const qb = this.filtered(runId, q);
    return qb.orderBy('r.node_id').addOrderBy('r.saas_user_id').offset((q.page - 1) * q.pageSize).limit(q.pageSize).getManyAndCount();
  }

  /** The run's records that pass the filter, in key order, a batch at a time (keyset paging, constant memory). */
  async *stream(runId: string, filter: RunRecordFilter = {}, batch = 1_000): AsyncGenerator<RunRecord[]> {
    let after: { nodeId: string; saasUserId: string } | undefined;
    for (;;) {
      const qb = this.filtered(runId, filter);
      if (after) qb.andWhere('(r.node_id, r.saas_user_id) > (:nodeId, :saasUserId)', after);
      const rows = await qb.orderBy('r.node_id').addOrderBy('r.saas_user_id').limit(batch).getMany();
      if (rows.length === 0) return;
      yield rows;
      const last = rows.at(-1)!;
      after = { nodeId: last.nodeId, saasUserId: last.saasUserId };
    }
  }

  /** A node's or an outcome's records; `held` and `claimed` match records in that state. */
  private filtered(runId: string, filter: RunRecordFilter) {
    const qb = this.dataSource.getRepository(RunRecord).createQueryBuilder('r').where('r.run_id = :runId', { runId });
    if (filter.nodeId) qb.andWhere('r.node_id = :nodeId', { nodeId: filter.nodeId });
    if (filter.outcome) qb.andWhere(`(CASE WHEN r.state = 'done' THEN r.outcome ELSE r.state END) = :outcome`, { outcome: filter.outcome });
    return qb;
  }
}
