import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@rolecall/presets';
import type { Actor } from '../audit/audit.schema';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { VaultService } from '../vault/vault.service';
import { CredentialRepository } from './credential.repository';
import { CredentialResealService, type ResealFailure } from './credential-reseal.service';

/** What a key rotation did. */
export interface RotationResult {
  /** The key every credential is now sealed with. */
  keyId: string;
  /** True when the rotation generated the key (file mode); env mode re-encrypts under the first env key. */
  generatedKey: boolean;
  reencrypted: number;
  /** Credentials that could not be decrypted (unknown key id, damaged ciphertext). */
  failed: ResealFailure[];
  /** Credentials still under another key afterwards (the failed ones plus any written meanwhile by a server on the old key). */
  remaining: number;
}

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
    private readonly credentials: CredentialRepository,
    private readonly audit: AuditService,
    private readonly reseal: CredentialResealService,
  ) {}

  async rotate(actor: Actor, options: { batchSize?: number } = {}): Promise<RotationResult> {
    const outcome = await this.credentials.withRotationLock(async () => {
      const generatedKey = this.vault.mode === 'file';
      const keyId = generatedKey ? this.vault.addCurrentKey() : this.vault.currentKeyId;
      const { reencrypted, failed } = await this.reencryptAll(keyId, options.batchSize ?? BATCH_SIZE);
      const remaining = await this.credentials.countNotUnderKey(keyId);
      await this.audit.record({
        actor,
        action: 'vault.key_rotated',
        subjectType: 'vault',
        subjectId: keyId,
        details: { keyId, generatedKey, reencrypted, failed: failed.map((f) => f.id), remaining },
      });
      this.logger.log(`re-encrypted ${reencrypted} credentials under key ${keyId}; ${remaining} remain under other keys`);
      return { keyId, generatedKey, reencrypted, failed, remaining };
    });
    if (!outcome.locked) {
      throw new DomainError(ErrorCode.Conflict, 'another vault key rotation is running; wait for it to finish, then retry');
    }
    return outcome.result;
  }

  /** Passes over every row not under `keyId` until a pass changes nothing (rows written meanwhile on an old key). */
  private async reencryptAll(keyId: string, batchSize: number): Promise<Pick<RotationResult, 'reencrypted' | 'failed'>> {
    const failed = new Map<string, ResealFailure>();
    let reencrypted = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let changed = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await this.credentials.pageNotUnderKey(keyId, after, batchSize);
        const last = rows.at(-1);
        if (!last) break;
        after = last.id;
        changed += await this.reseal.resealBatch(rows.filter((r) => !failed.has(r.id)), failed);
      }
      reencrypted += changed;
      if (changed === 0) break;
    }
    return { reencrypted, failed: [...failed.values()] };
  }
}
