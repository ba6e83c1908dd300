import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DurableLoads1764600000000 implements MigrationInterface {
  name = 'DurableLoads1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "integration" ADD "deactivation_limit_percent" integer NOT NULL DEFAULT 10`);
    await q.query(`ALTER TABLE "integration_run" ADD "settings" jsonb`);
    await q.query(`ALTER TABLE "integration_run" ADD "waiting_reason" text`);
    await q.query(`ALTER TABLE "integration_run" ADD "would_deactivate" integer`);
    // Runs already going read their settings from now on: snapshot them as they are.
    await q.query(`
      UPDATE "integration_run" r SET "settings" = jsonb_build_object(
        'presetId', i."preset_id", 'credentialId', i."credential_id", 'appName', i."app_name",
        'userSelection', i."user_selection", 'preference', i."preference", 'mappings', i."mappings",
        'customFields', i."custom_fields", 'syncKeys', i."sync_keys", 'personRole', i."person_role",
        'rateLimit', i."rate_limit", 'deactivationLimitPercent', i."deactivation_limit_percent")
      FROM "integration" i WHERE i."id" = r."integration_id" AND r."status" = 'running'`);
    // Overlapping runs were possible before: keep the newest active run of each integration.
    await q.query(`
      UPDATE "integration_run" r SET "status" = 'failed', "finished_at" = now(), "error" = 'superseded by a newer run of the integration'
      WHERE r."status" IN ('queued', 'running') AND EXISTS (
        SELECT 1 FROM "integration_run" n
        WHERE n."integration_id" = r."integration_id" AND n."status" IN ('queued', 'running') AND n."started_at" > r."started_at")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_integration_run_active" ON "integration_run" ("integration_id") WHERE status IN ('queued', 'running', 'awaiting_confirmation')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_integration_run_active"`);
    await q.query(`UPDATE "integration_run" SET "status" = 'running' WHERE "status" = 'awaiting_confirmation'`);
    await q.query(`ALTER TABLE "integration_run" DROP COLUMN "would_deactivate"`);
    await q.query(`ALTER TABLE "integration_run" DROP COLUMN "waiting_reason"`);
    await q.query(`ALTER TABLE "integration_run" DROP COLUMN "settings"`);
    await q.query(`ALTER TABLE "integration" DROP COLUMN "deactivation_limit_percent"`);
  }
}
