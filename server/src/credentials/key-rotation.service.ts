import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@rolecall/presets';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { DomainError } from '../common/domain-error';
import { VaultService } from '../vault/vault.service';
import { Credential } from './credential.entity';
import { credentialAad, sealedOf } from './credential-secrets';

/** What a key rotation did. */
export interface RotationResult {
  /** The key every credential is now sealed with. */
  keyId: string;
  /** True when the rotation generated the key (file mode); env mode re-encrypts under the first env key. */
  generatedKey: boolean;
  reencrypted: number;
  /** Credentials that could not be decrypted (unknown key id, damaged ciphertext). */
  failed: { id: string; name: string; message: string }[];
  /** Credentials still under another key afterwards (the failed ones plus any written meanwhile by a server on the old key). */
  remaining: number;
}

// Arbitrary constant shared by every Rolecall process: one rotation at a time per database.
const ROTATION_LOCK = 7_268_013_517;
const BATCH_SIZE = 100;
const MAX_PASSES = 5;

/**
 * `rolecall vault rotate-key`: makes a new key current (file mode) and re-encrypts every
 * credential not under it, in small batches, while servers keep running. Each row is updated
 * only if it still holds the exact ciphertext that was read (same key id and IV), so a
 * concurrent edit by a server is never overwritten with stale secrets.
 */
@Injectable()
export class KeyRotationService {
  private readonly logger = new Logger(KeyRotationService.name);

  constructor(
    private readonly vault: VaultService,
    private readonly dataSource: DataSource,
  ) {}

  async rotate(options: { batchSize?: number } = {}): Promise<RotationResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [ROTATION_LOCK])) as { locked: boolean }[];
      if (!row?.locked) {
        throw new DomainError(ErrorCode.Conflict, 'another vault key rotation is running; wait for it to finish, then retry');
      }
      try {
        const generatedKey = this.vault.mode === 'file';
        const keyId = generatedKey ? this.vault.addCurrentKey() : this.vault.currentKeyId;
        const { reencrypted, failed } = await this.reencryptAll(keyId, options.batchSize ?? BATCH_SIZE);
        const remaining = await this.dataSource.getRepository(Credential).createQueryBuilder('c').where('c.keyId <> :keyId', { keyId }).getCount();
        await this.dataSource.getRepository(AuditEvent).insert({
          actor: 'system',
          action: 'vault.key_rotated',
          subjectType: 'vault',
          subjectId: keyId,
          details: { keyId, generatedKey, reencrypted, failed: failed.map((f) => f.id), remaining },
        });
        this.logger.log(`re-encrypted ${reencrypted} credentials under key ${keyId}; ${remaining} remain under other keys`);
        return { keyId, generatedKey, reencrypted, failed, remaining };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [ROTATION_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Passes over every row not under `keyId` until a pass changes nothing (rows written meanwhile on an old key). */
  private async reencryptAll(keyId: string, batchSize: number): Promise<Pick<RotationResult, 'reencrypted' | 'failed'>> {
    const failed = new Map<string, RotationResult['failed'][number]>();
    let reencrypted = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let changed = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await this.dataSource
          .getRepository(Credential)
          .createQueryBuilder('c')
          .select(['c.id', 'c.name', 'c.keyId', 'c.iv', 'c.authTag', 'c.ciphertext'])
          .where('c.keyId <> :keyId AND c.id > :after', { keyId, after })
          .orderBy('c.id')
          .limit(batchSize)
          .getMany();
        const last = rows.at(-1);
        if (!last) break;
        after = last.id;
        changed += await this.reencryptBatch(rows.filter((r) => !failed.has(r.id)), failed);
      }
      reencrypted += changed;
      if (changed === 0) break;
    }
    return { reencrypted, failed: [...failed.values()] };
  }

  private async reencryptBatch(rows: Credential[], failed: Map<string, RotationResult['failed'][number]>): Promise<number> {
    let changed = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) {
        let plaintext: string;
        try {
          plaintext = this.vault.open(credentialAad(row.id), sealedOf(row));
        } catch (err) {
          failed.set(row.id, { id: row.id, name: row.name, message: (err as Error).message });
          continue;
        }
        const sealed = this.vault.seal(credentialAad(row.id), plaintext);
        const result = await manager
          .createQueryBuilder()
          .update(Credential)
          // Re-encryption is not an edit: updated_at stays.
          .set({ ...sealed, updatedAt: () => '"updated_at"' })
          .where('id = :id AND key_id = :oldKeyId AND iv = :oldIv', { id: row.id, oldKeyId: row.keyId, oldIv: row.iv })
          .execute();
        changed += result.affected ?? 0;
      }
    });
    return changed;
  }
}
