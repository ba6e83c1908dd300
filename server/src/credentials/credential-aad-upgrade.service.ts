import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CredentialRepository } from './credential.repository';
import { CredentialResealService, type ResealFailure } from './credential-reseal.service';
import { CURRENT_AAD_VERSION } from './credential-secrets';

const BATCH_SIZE = 100;

/**
 * At boot, re-seals credentials written under an older associated-data scheme (the id only)
 * under the current one (id and target), so their ciphertext is bound to where it may be sent.
 * The migration cannot do it: only the server holds the keys. Several servers booting together
 * are safe, since each row is replaced only if it still holds the ciphertext that was read.
 */
@Injectable()
export class CredentialAadUpgradeService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CredentialAadUpgradeService.name);

  constructor(
    private readonly credentials: CredentialRepository,
    private readonly reseal: CredentialResealService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { upgraded, failed } = await this.upgrade();
    if (upgraded > 0) this.logger.log(`re-sealed ${upgraded} credentials bound to their targets`);
    for (const f of failed) {
      this.logger.warn(`credential "${f.name}" (${f.id}) could not be re-sealed for its target: ${f.message}`);
    }
  }

  /** Re-seals every row below the current scheme; rows that do not open are reported, not retried. */
  async upgrade(): Promise<{ upgraded: number; failed: ResealFailure[] }> {
    const failed = new Map<string, ResealFailure>();
    let upgraded = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.credentials.pageBelowAadVersion(CURRENT_AAD_VERSION, after, BATCH_SIZE);
      const last = rows.at(-1);
      if (!last) break;
      after = last.id;
      upgraded += await this.reseal.resealBatch(rows, failed);
    }
    return { upgraded, failed: [...failed.values()] };
  }
}
