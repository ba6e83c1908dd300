import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVendorPacing1764500000000 implements MigrationInterface {
  name = 'CreateVendorPacing1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "vendor_pacing" (
        "key" text NOT NULL,
        "next_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "blocked_until" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_vendor_pacing" PRIMARY KEY ("key")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "vendor_pacing"`);
  }
}
