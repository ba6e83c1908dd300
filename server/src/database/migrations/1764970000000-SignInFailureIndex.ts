import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sign-in throttle counts an address's recent failed sign-ins in the audit trail on every attempt. */
export class SignInFailureIndex1764970000000 implements MigrationInterface {
  name = 'SignInFailureIndex1764970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_audit_event_sign_in_failure" ON "audit_event" ((details ->> 'address'), "at") WHERE action = 'auth.sign_in_failed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_audit_event_sign_in_failure"`);
  }
}
