import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Workflows, their frozen versions, runs, the run record log / effects ledger, snapshots and event bookkeeping. */
export class CreateWorkflowEngine1764910000000 implements MigrationInterface {
  name = 'CreateWorkflowEngine1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "workflow" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "draft" jsonb NOT NULL,
        "status" text NOT NULL DEFAULT 'draft',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_workflow" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_workflow_name" ON "workflow" ("name")`);
    await q.query(`
      CREATE TABLE "workflow_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workflow_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "ir" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_workflow_version" PRIMARY KEY ("id"),
        CONSTRAINT "fk_workflow_version_workflow" FOREIGN KEY ("workflow_id") REFERENCES "workflow"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_workflow_version_number" ON "workflow_version" ("workflow_id", "number")`);
    await q.query(`
      CREATE TABLE "workflow_run" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workflow_id" uuid NOT NULL,
        "version_id" uuid NOT NULL,
        "temporal_workflow_id" text NOT NULL,
        "mode" text NOT NULL,
        "trigger_kind" text NOT NULL,
        "trigger" jsonb NOT NULL,
        "status" text NOT NULL DEFAULT 'queued',
        "awaiting_nodes" jsonb NOT NULL DEFAULT '[]',
        "population_total" integer,
        "message" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_workflow_run" PRIMARY KEY ("id"),
        CONSTRAINT "fk_workflow_run_workflow" FOREIGN KEY ("workflow_id") REFERENCES "workflow"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_workflow_run_version" FOREIGN KEY ("version_id") REFERENCES "workflow_version"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_workflow_run_temporal" ON "workflow_run" ("temporal_workflow_id")`);
    await q.query(`CREATE INDEX "idx_workflow_run_workflow" ON "workflow_run" ("workflow_id", "created_at")`);
    await q.query(`CREATE INDEX "idx_workflow_run_status" ON "workflow_run" ("status", "created_at")`);
    await q.query(`CREATE INDEX "idx_workflow_run_trigger" ON "workflow_run" ("trigger_kind", "created_at")`);
    await q.query(`
      CREATE TABLE "run_record" (
        "run_id" uuid NOT NULL,
        "node_id" text NOT NULL,
        "saas_user_id" uuid NOT NULL,
        "block" text NOT NULL,
        "state" text NOT NULL,
        "outcome" text,
        "external_id" text,
        "email" text,
        "vendor_status" integer,
        "message" text,
        "detail" jsonb,
        "attempts" integer NOT NULL DEFAULT 0,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_run_record" PRIMARY KEY ("run_id", "node_id", "saas_user_id"),
        CONSTRAINT "fk_run_record_run" FOREIGN KEY ("run_id") REFERENCES "workflow_run"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "idx_run_record_outcome" ON "run_record" ("run_id", "node_id", "state", "outcome")`);
    await q.query(`CREATE INDEX "idx_run_record_user" ON "run_record" ("run_id", "saas_user_id")`);
    await q.query(`
      CREATE TABLE "run_snapshot" (
        "run_id" uuid NOT NULL,
        "credential_id" uuid NOT NULL,
        "external_id" text NOT NULL,
        "vendor_user" json NOT NULL,
        CONSTRAINT "PK_run_snapshot" PRIMARY KEY ("run_id", "credential_id", "external_id"),
        CONSTRAINT "fk_run_snapshot_run" FOREIGN KEY ("run_id") REFERENCES "workflow_run"("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "run_trigger_event" (
        "version_id" uuid NOT NULL,
        "event_id" bigint NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_run_trigger_event" PRIMARY KEY ("version_id", "event_id"),
        CONSTRAINT "fk_run_trigger_event_version" FOREIGN KEY ("version_id") REFERENCES "workflow_version"("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "run_trigger_event"`);
    await q.query(`DROP TABLE "run_snapshot"`);
    await q.query(`DROP TABLE "run_record"`);
    await q.query(`DROP TABLE "workflow_run"`);
    await q.query(`DROP TABLE "workflow_version"`);
    await q.query(`DROP TABLE "workflow"`);
  }
}
