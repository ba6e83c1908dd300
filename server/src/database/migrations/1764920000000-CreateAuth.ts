import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, sessions and API tokens; audit rows name their actor by kind, id and name. */
export class CreateAuth1764920000000 implements MigrationInterface {
  name = 'CreateAuth1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL,
        "email" text NOT NULL,
        "name" text NOT NULL,
        "role" text NOT NULL,
        "password_hash" text NOT NULL,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "failed_sign_ins" integer NOT NULL DEFAULT 0,
        "locked_until" TIMESTAMP WITH TIME ZONE,
        "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_app_user" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_app_user_role" CHECK ("role" IN ('viewer', 'editor', 'admin'))
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user" ("email")`);
    await q.query(`
      CREATE TABLE "user_session" (
        "token_hash" bytea NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_user_session" PRIMARY KEY ("token_hash"),
        CONSTRAINT "fk_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "idx_user_session_user" ON "user_session" ("user_id")`);
    await q.query(`
      CREATE TABLE "api_token" (
        "id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "name" text NOT NULL,
        "role" text NOT NULL,
        "token_hash" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_api_token" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_api_token_role" CHECK ("role" IN ('viewer', 'editor', 'admin')),
        CONSTRAINT "fk_api_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_api_token_hash" ON "api_token" ("token_hash")`);
    await q.query(`CREATE INDEX "idx_api_token_user" ON "api_token" ("user_id")`);

    // Rows written before sign-in existed were all the system's.
    await q.query(`ALTER TABLE "audit_event" RENAME COLUMN "actor" TO "actor_name"`);
    await q.query(`ALTER TABLE "audit_event" ADD "actor_kind" text NOT NULL DEFAULT 'system'`);
    await q.query(`ALTER TABLE "audit_event" ALTER COLUMN "actor_kind" DROP DEFAULT`);
    await q.query(`ALTER TABLE "audit_event" ADD "actor_id" uuid`);
    await q.query(`CREATE INDEX "idx_audit_event_actor" ON "audit_event" ("actor_id", "at")`);
    await q.query(`CREATE INDEX "idx_audit_event_action" ON "audit_event" ("action", "at")`);
    await q.query(`CREATE INDEX "idx_audit_event_actor_name" ON "audit_event" ("actor_name", "at")`);
    await q.query(`CREATE INDEX "idx_audit_event_subject_id" ON "audit_event" ("subject_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_audit_event_subject_id"`);
    await q.query(`DROP INDEX "idx_audit_event_actor_name"`);
    await q.query(`DROP INDEX "idx_audit_event_action"`);
    await q.query(`DROP INDEX "idx_audit_event_actor"`);
    await q.query(`ALTER TABLE "audit_event" DROP COLUMN "actor_id"`);
    await q.query(`ALTER TABLE "audit_event" DROP COLUMN "actor_kind"`);
    await q.query(`ALTER TABLE "audit_event" RENAME COLUMN "actor_name" TO "actor"`);
    await q.query(`DROP TABLE "api_token"`);
    await q.query(`DROP TABLE "user_session"`);
    await q.query(`DROP TABLE "app_user"`);
  }
}
