import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for admin lists: the inventory's custom-field filter (`custom @> {"key": value}`, GIN)
 * and the Runs page, which lists every integration's load runs newest first.
 */
export class AdminListIndexes1764900000000 implements MigrationInterface {
  name = 'AdminListIndexes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_saas_user_custom" ON "saas_user" USING gin ("custom" jsonb_path_ops)`);
    await q.query(`CREATE INDEX "idx_integration_run_started" ON "integration_run" ("started_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_integration_run_started"`);
    await q.query(`DROP INDEX "idx_saas_user_custom"`);
  }
}
