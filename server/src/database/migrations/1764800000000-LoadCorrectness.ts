import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 (loads you can trust): manual status intents on SaaS users, the `unchanged` counter and
 * warning of load runs, apps keyed by preset + credential (tenant) + name, and the keys each run
 * has seen (cross-page duplicates, "missing from source") in place of `saas_user.last_seen_run_id`.
 */
export class LoadCorrectness1764800000000 implements MigrationInterface {
  name = 'LoadCorrectness1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "saas_user" ADD "manual_status" "saas_user_status", ADD "manual_at" TIMESTAMP WITH TIME ZONE, ADD "manual_by" text`);
    await q.query(`ALTER TABLE "saas_user" DROP COLUMN "last_seen_run_id"`);
    await q.query(`ALTER TABLE "integration_run" ADD "unchanged" integer NOT NULL DEFAULT 0, ADD "warning" text`);
    await q.query(`ALTER TABLE "saas_app" ADD "credential_id" uuid`);
    // An existing app belongs to the tenant of the oldest integration that loads into it.
    await q.query(`
      UPDATE "saas_app" a SET "credential_id" = i."credential_id"
      FROM (SELECT DISTINCT ON ("preset_id", "app_name") "preset_id", "app_name", "credential_id" FROM "integration"
            WHERE "credential_id" IS NOT NULL ORDER BY "preset_id", "app_name", "created_at") i
      WHERE i."preset_id" = a."preset_id" AND i."app_name" = a."name"`);
    await q.query(`DROP INDEX "uq_saas_app_name"`);
    await q.query(`CREATE UNIQUE INDEX "uq_saas_app_tenant" ON "saas_app" ("preset_id", "credential_id", "name")`);
    await q.query(`
      CREATE TABLE "inventory_load_key" (
        "run_id" uuid NOT NULL,
        "field" text NOT NULL,
        "value" text NOT NULL,
        CONSTRAINT "PK_inventory_load_key" PRIMARY KEY ("run_id", "field", "value"),
        CONSTRAINT "fk_inventory_load_key_run" FOREIGN KEY ("run_id") REFERENCES "integration_run"("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "inventory_load_key"`);
    await q.query(`DROP INDEX "uq_saas_app_tenant"`);
    // Fails when two tenants now have apps of the same name: rename one of them before reverting.
    await q.query(`CREATE UNIQUE INDEX "uq_saas_app_name" ON "saas_app" ("name")`);
    await q.query(`ALTER TABLE "saas_app" DROP COLUMN "credential_id"`);
    await q.query(`ALTER TABLE "integration_run" DROP COLUMN "warning", DROP COLUMN "unchanged"`);
    await q.query(`ALTER TABLE "saas_user" ADD "last_seen_run_id" uuid`);
    await q.query(`ALTER TABLE "saas_user" DROP COLUMN "manual_by", DROP COLUMN "manual_at", DROP COLUMN "manual_status"`);
  }
}
