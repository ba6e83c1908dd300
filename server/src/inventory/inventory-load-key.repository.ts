import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadKeyId, type LoadKey } from './load-key';

/**
 * The SQL of `inventory_load_key`, the key values each load run has written (its reader is
 * `InventoryBulkWriteRepository.deactivateMissing`). Runs inside the page's transaction, so a
 * page that rolls back forgets its keys too.
 */
@Injectable()
export class InventoryLoadKeyRepository {
  /** Records the keys for the run; returns those no earlier page of the run had recorded. */
  async claim(runId: string, keys: readonly LoadKey[], m: EntityManager): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: LoadKey[] = await m.query(
      `INSERT INTO inventory_load_key (run_id, field, value)
       SELECT $1, k.field, k.value FROM unnest($2::text[], $3::text[]) AS k(field, value)
       ON CONFLICT DO NOTHING RETURNING field, value`,
      [runId, keys.map((k) => k.field), keys.map((k) => k.value)],
    );
    return new Set(rows.map(loadKeyId));
  }

  /** Forgets a completed run's keys: they only matter while it is listing. */
  async deleteOfRun(runId: string, m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM inventory_load_key WHERE run_id = $1`, [runId]);
  }
}
