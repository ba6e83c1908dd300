import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inventory filters by a custom field (`custom @> {"key": value}`): a GIN index keeps that off a scan. */
export class SaasUserCustomIndex1764710000000 implements MigrationInterface {
  name = 'SaasUserCustomIndex1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_saas_user_custom" ON "saas_user" USING gin ("custom" jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_saas_user_custom"`);
  }
}
