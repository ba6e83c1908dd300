import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIntegrations1764400000000 implements MigrationInterface {
  name = 'CreateIntegrations1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "integration" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "preset_id" text NOT NULL,
        "credential_id" uuid,
        "app_name" text NOT NULL,
        "user_selection" text NOT NULL DEFAULT 'user_plus_saas_user',
        "preference" text NOT NULL DEFAULT 'create_update',
        "mappings" jsonb NOT NULL DEFAULT '{}',
        "custom_fields" jsonb NOT NULL DEFAULT '[]',
        "sync_keys" jsonb NOT NULL DEFAULT '[]',
        "person_role" text,
        "schedule" jsonb NOT NULL,
        "rate_limit" jsonb,
        "status" text NOT NULL DEFAULT 'draft',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_integration" PRIMARY KEY ("id"),
        CONSTRAINT "fk_integration_credential" FOREIGN KEY ("credential_id") REFERENCES "credential"("id") ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_integration_name" ON "integration" ("name")`);
    await q.query(`
      CREATE TABLE "integration_run" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "integration_id" uuid NOT NULL,
        "app_id" uuid,
        "load_key" text NOT NULL,
        "workflow_id" text NOT NULL,
        "trigger" text NOT NULL,
        "status" text NOT NULL DEFAULT 'queued',
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "pages_done" integer NOT NULL DEFAULT 0,
        "next_cursor" text,
        "fetched" integer NOT NULL DEFAULT 0,
        "created" integer NOT NULL DEFAULT 0,
        "updated" integer NOT NULL DEFAULT 0,
        "skipped" integer NOT NULL DEFAULT 0,
        "failed" integer NOT NULL DEFAULT 0,
        "deactivated" integer NOT NULL DEFAULT 0,
        "error" text,
        CONSTRAINT "PK_integration_run" PRIMARY KEY ("id"),
        CONSTRAINT "fk_integration_run_integration" FOREIGN KEY ("integration_id") REFERENCES "integration"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "idx_integration_run_integration" ON "integration_run" ("integration_id", "started_at")`);
    await q.query(`CREATE UNIQUE INDEX "uq_integration_run_load_key" ON "integration_run" ("load_key")`);
    await q.query(`
      CREATE TABLE "integration_run_error" (
        "id" BIGSERIAL NOT NULL,
        "run_id" uuid NOT NULL,
        "page_index" integer NOT NULL,
        "external_id" text,
        "outcome" text NOT NULL,
        "reason" text NOT NULL,
        "record" jsonb,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_integration_run_error" PRIMARY KEY ("id"),
        CONSTRAINT "fk_integration_run_error_run" FOREIGN KEY ("run_id") REFERENCES "integration_run"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "idx_integration_run_error_run" ON "integration_run_error" ("run_id", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "integration_run_error"`);
    await q.query(`DROP TABLE "integration_run"`);
    await q.query(`DROP TABLE "integration"`);
  }
}
