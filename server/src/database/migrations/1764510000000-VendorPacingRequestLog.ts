import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The pacer keeps the start times of each budget's last requests instead of one next free slot. */
export class VendorPacingRequestLog1764510000000 implements MigrationInterface {
  name = 'VendorPacingRequestLog1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "vendor_pacing" ADD "sent_at" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "vendor_pacing" DROP COLUMN "next_at"`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The newest logged start is the closest the old pacer's next free slot can be rebuilt.
    await q.query(`ALTER TABLE "vendor_pacing" ADD "next_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`UPDATE "vendor_pacing" SET "next_at" = coalesce("sent_at"[cardinality("sent_at")], now())`);
    await q.query(`ALTER TABLE "vendor_pacing" ALTER COLUMN "next_at" SET NOT NULL`);
    await q.query(`ALTER TABLE "vendor_pacing" DROP COLUMN "sent_at"`);
  }
}
