import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials record which associated-data scheme sealed them. Existing rows are scheme 1 (the
 * id only); the server re-seals them under scheme 2 (id and target) at boot, because only it
 * holds the keys.
 */
export class CredentialTargetAad1764610000000 implements MigrationInterface {
  name = 'CredentialTargetAad1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "credential" ADD "aad_version" smallint NOT NULL DEFAULT 1`);
    // Every later write states its scheme; a default would hide a write that forgot to.
    await q.query(`ALTER TABLE "credential" ALTER COLUMN "aad_version" DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Rows already re-sealed under scheme 2 do not open with the old code's id-only associated
    // data: after a downgrade, enter their secret fields again (PATCH with every secret field).
    await q.query(`ALTER TABLE "credential" DROP COLUMN "aad_version"`);
  }
}
