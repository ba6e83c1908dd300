import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCredential1764160000000 implements MigrationInterface {
  name = 'CreateCredential1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "credential" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "preset_id" text NOT NULL,
        "region" text,
        "base_url" text,
        "auth_kind" text NOT NULL,
        "key_id" text NOT NULL,
        "iv" bytea NOT NULL,
        "auth_tag" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "masks" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "settings" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "last_tested_at" TIMESTAMP WITH TIME ZONE,
        "last_test_result" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_credential" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_credential_preset_id" ON "credential" ("preset_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_credential_name_lower" ON "credential" (lower("name"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_credential_name_lower"`);
    await queryRunner.query(`DROP INDEX "idx_credential_preset_id"`);
    await queryRunner.query(`DROP TABLE "credential"`);
  }
}
