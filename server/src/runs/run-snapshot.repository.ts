import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VendorUser } from '@rolecall/presets';
import { DataSource, type EntityManager } from 'typeorm';

/** The SQL of `run_snapshot`: one vendor listing per run and credential. */
@Injectable()
export class RunSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Upserts a page (pages may overlap, and a resumed listing may store a page twice). */
  async store(runId: string, credentialId: string, users: readonly { externalId: string; user: VendorUser }[]): Promise<void> {
    if (users.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO run_snapshot (run_id, credential_id, external_id, vendor_user)
       SELECT $1, $2, s.external_id, s.vendor_user FROM json_to_recordset($3::json) AS s(external_id text, vendor_user json)
       ON CONFLICT (run_id, credential_id, external_id) DO UPDATE SET vendor_user = EXCLUDED.vendor_user`,
      [runId, credentialId, JSON.stringify(users.map((u) => ({ external_id: u.externalId, vendor_user: u.user })))],
    );
  }

  async find(runId: string, credentialId: string, externalIds: readonly string[]): Promise<Map<string, VendorUser>> {
    if (externalIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT external_id, vendor_user FROM run_snapshot WHERE run_id = $1 AND credential_id = $2 AND external_id = ANY($3::text[])`,
      [runId, credentialId, externalIds],
    )) as { external_id: string; vendor_user: VendorUser }[];
    return new Map(rows.map((r) => [r.external_id, r.vendor_user]));
  }

  /** A finished run needs its snapshot no more: vendor user objects are not kept longer than needed. */
  async drop(runId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM run_snapshot WHERE run_id = $1`, [runId]);
  }
}
