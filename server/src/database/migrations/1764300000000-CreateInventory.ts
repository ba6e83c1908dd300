import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCH_EXPR = `(coalesce(email, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, ''))`;

export class CreateInventory1764300000000 implements MigrationInterface {
  name = 'CreateInventory1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Trigram indexes make the inventory's free-text search (`q`) fast; pg_trgm is a trusted extension.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TYPE "person_status" AS ENUM('active', 'offboarded')`);
    await q.query(`CREATE TYPE "saas_user_status" AS ENUM('active', 'deactivated')`);
    await q.query(`
      CREATE TABLE "saas_app" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "preset_id" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_saas_app" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_saas_app_name" ON "saas_app" ("name")`);
    await q.query(`
      CREATE TABLE "person" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text,
        "first_name" text,
        "last_name" text,
        "role" text,
        "status" "person_status" NOT NULL DEFAULT 'active',
        "offboarded_at" TIMESTAMP WITH TIME ZONE,
        "custom" jsonb NOT NULL DEFAULT '{}',
        "source_integration_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_person" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "idx_person_status" ON "person" ("status")`);
    await q.query(`CREATE UNIQUE INDEX "uq_person_email_lower" ON "person" (lower("email"))`);
    await q.query(`CREATE INDEX "idx_person_search" ON "person" USING gin (${SEARCH_EXPR} gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE "saas_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "app_id" uuid NOT NULL,
        "person_id" uuid,
        "external_id" text NOT NULL,
        "username" text,
        "email" text,
        "first_name" text,
        "last_name" text,
        "role" text,
        "status" "saas_user_status" NOT NULL DEFAULT 'active',
        "deactivated_at" TIMESTAMP WITH TIME ZONE,
        "last_login_at" TIMESTAMP WITH TIME ZONE,
        "vendor_created_at" TIMESTAMP WITH TIME ZONE,
        "custom" jsonb NOT NULL DEFAULT '{}',
        "source_integration_id" uuid,
        "last_seen_run_id" uuid,
        "synced_at" TIMESTAMP WITH TIME ZONE,
        "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_saas_user" PRIMARY KEY ("id"),
        CONSTRAINT "fk_saas_user_app" FOREIGN KEY ("app_id") REFERENCES "saas_app"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_saas_user_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_saas_user_app_external" ON "saas_user" ("app_id", "external_id")`);
    await q.query(`CREATE INDEX "idx_saas_user_app_status" ON "saas_user" ("app_id", "status")`);
    await q.query(`CREATE INDEX "idx_saas_user_role" ON "saas_user" ("role")`);
    await q.query(`CREATE INDEX "idx_saas_user_last_login" ON "saas_user" ("last_login_at")`);
    await q.query(`CREATE INDEX "idx_saas_user_person" ON "saas_user" ("person_id")`);
    await q.query(`CREATE INDEX "idx_saas_user_email_lower" ON "saas_user" (lower("email"))`);
    await q.query(`CREATE INDEX "idx_saas_user_username_lower" ON "saas_user" (lower("username"))`);
    await q.query(
      `CREATE INDEX "idx_saas_user_search" ON "saas_user" USING gin ((coalesce(username, '') || ' ' || ${SEARCH_EXPR}) gin_trgm_ops)`,
    );
    await q.query(`
      CREATE TABLE "inventory_event" (
        "id" BIGSERIAL NOT NULL,
        "type" text NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "app_id" uuid,
        "saas_user_id" uuid,
        "person_id" uuid,
        "source" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_inventory_event" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "idx_inventory_event_type_id" ON "inventory_event" ("type", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "inventory_event"`);
    await q.query(`DROP TABLE "saas_user"`);
    await q.query(`DROP TABLE "person"`);
    await q.query(`DROP TABLE "saas_app"`);
    await q.query(`DROP TYPE "saas_user_status"`);
    await q.query(`DROP TYPE "person_status"`);
    // pg_trgm stays: other objects may use it and dropping extensions needs more rights.
  }
}
