import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvent1764150000000 implements MigrationInterface {
  name = 'CreateAuditEvent1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor" text NOT NULL,
        "action" text NOT NULL,
        "subject_type" text NOT NULL,
        "subject_id" text,
        "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT "PK_audit_event" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_audit_event_at" ON "audit_event" ("at")`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_event_subject" ON "audit_event" ("subject_type", "subject_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_audit_event_subject"`);
    await queryRunner.query(`DROP INDEX "idx_audit_event_at"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
