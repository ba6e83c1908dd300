import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for admin lists: the inventory's custom-field filter (`custom @> {"key": value}`, GIN)
 * the Runs page, which lists every integration's load runs newest first, and the history of a
 * SaaS user or person page.
 */
export class AdminListIndexes1764900000000 implements MigrationInterface {
  name = 'AdminListIndexes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_saas_user_custom" ON "saas_user" USING gin ("custom" jsonb_path_ops)`);
    await q.query(`CREATE INDEX "idx_integration_run_started" ON "integration_run" ("started_at")`);
    await q.query(`CREATE INDEX "idx_inventory_event_saas_user" ON "inventory_event" ("saas_user_id", "id")`);
    await q.query(`CREATE INDEX "idx_inventory_event_person" ON "inventory_event" ("person_id", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_inventory_event_person"`);
    await q.query(`DROP INDEX "idx_inventory_event_saas_user"`);
    await q.query(`DROP INDEX "idx_integration_run_started"`);
    await q.query(`DROP INDEX "idx_saas_user_custom"`);
  }
}
