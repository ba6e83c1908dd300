import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInstallation1764700000000 implements MigrationInterface {
  name = 'CreateInstallation1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "installation" (
        "singleton" boolean NOT NULL DEFAULT true,
        "id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_installation_singleton" CHECK ("singleton"),
        CONSTRAINT "PK_installation" PRIMARY KEY ("singleton")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "installation"`);
  }
}
