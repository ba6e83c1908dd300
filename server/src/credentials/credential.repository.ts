import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SealedSecret } from '../vault/vault.crypto';
import { Credential } from './credential.entity';
import type { CredentialTestOutcome } from './credentials.schema';

/** The columns a re-seal reads: enough to open the row, seal it again for its target and name it in a failure. */
export type SealedCredential = Pick<
  Credential,
  'id' | 'name' | 'presetId' | 'region' | 'baseUrl' | 'aadVersion' | 'keyId' | 'iv' | 'authTag' | 'ciphertext'
>;

const SEALED_COLUMNS = ['c.id', 'c.name', 'c.presetId', 'c.region', 'c.baseUrl', 'c.aadVersion', 'c.keyId', 'c.iv', 'c.authTag', 'c.ciphertext'];

// Arbitrary constant shared by every Rolecall process: one rotation at a time per database.
const ROTATION_LOCK = 7_268_013_517;

/** The SQL of `credential`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class CredentialRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: { presetId?: string }): Promise<Credential[]> {
    return this.dataSource.manager.find(Credential, { where: filter.presetId ? { presetId: filter.presetId } : {} });
  }

  async findById(id: string): Promise<Credential | null> {
    return this.dataSource.manager.findOneBy(Credential, { id });
  }

  /** Locked until the transaction ends, so that two concurrent field edits merge instead of one overwriting the other. */
  async findForUpdate(id: string, manager: EntityManager): Promise<Credential | null> {
    return manager.findOne(Credential, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findSummary(id: string, manager: EntityManager): Promise<Pick<Credential, 'id' | 'name' | 'presetId'> | null> {
    return manager.findOne(Credential, { where: { id }, select: { id: true, name: true, presetId: true } });
  }

  async insert(row: Omit<Credential, 'createdAt' | 'updatedAt'>, manager: EntityManager): Promise<void> {
    await manager.insert(Credential, row);
  }

  async save(row: Credential, manager: EntityManager): Promise<void> {
    await manager.save(Credential, row);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(Credential, { id });
  }

  async recordTest(id: string, outcome: CredentialTestOutcome, manager: EntityManager): Promise<void> {
    // A test is not an edit of the credential: updated_at stays.
    await manager.update(Credential, { id }, { lastTestedAt: new Date(), lastTestResult: outcome, updatedAt: () => '"updated_at"' });
  }

  /**
   * Runs `work` holding the database-wide rotation lock (a session advisory lock on a connection
   * of its own); resolves `{ locked: false }` at once when another process holds it.
   */
  async withRotationLock<T>(work: () => Promise<T>): Promise<{ locked: false } | { locked: true; result: T }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [ROTATION_LOCK])) as { locked: boolean }[];
      if (!row?.locked) return { locked: false };
      try {
        return { locked: true, result: await work() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [ROTATION_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  async countNotUnderKey(keyId: string): Promise<number> {
    return this.dataSource.getRepository(Credential).createQueryBuilder('c').where('c.keyId <> :keyId', { keyId }).getCount();
  }

  /** The next `limit` rows not sealed under `keyId`, in id order after `after` (keyset paging). */
  async pageNotUnderKey(keyId: string, after: string, limit: number): Promise<SealedCredential[]> {
    return this.dataSource
      .getRepository(Credential)
      .createQueryBuilder('c')
      .select(SEALED_COLUMNS)
      .where('c.keyId <> :keyId AND c.id > :after', { keyId, after })
      .orderBy('c.id')
      .limit(limit)
      .getMany();
  }

  /** The next `limit` rows sealed under an older associated-data scheme than `version`, in id order after `after`. */
  async pageBelowAadVersion(version: number, after: string, limit: number): Promise<SealedCredential[]> {
    return this.dataSource
      .getRepository(Credential)
      .createQueryBuilder('c')
      .select(SEALED_COLUMNS)
      .where('c.aadVersion < :version AND c.id > :after', { version, after })
      .orderBy('c.id')
      .limit(limit)
      .getMany();
  }

  /**
   * Replaces a row's sealed secret only if it still holds the one that was read (same key id and
   * IV), so a concurrent edit is never overwritten with stale secrets. Returns rows changed (0 or 1).
   */
  async replaceSealed(row: SealedCredential, sealed: SealedSecret & { aadVersion: number }, manager: EntityManager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Credential)
      // Re-encryption is not an edit: updated_at stays.
      .set({ ...sealed, updatedAt: () => '"updated_at"' })
      .where('id = :id AND key_id = :oldKeyId AND iv = :oldIv', { id: row.id, oldKeyId: row.keyId, oldIv: row.iv })
      .execute();
    return result.affected ?? 0;
  }
}
