import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VaultService } from '../vault/vault.service';
import { CredentialRepository, type SealedCredential } from './credential.repository';
import { credentialAad, sealedOf, sealFor } from './credential-secrets';

/** A credential that could not be re-sealed, and why (never its secret). */
export interface ResealFailure {
  id: string;
  name: string;
  message: string;
}

/**
 * Opens rows and seals them again under the current key and associated-data scheme: what key
 * rotation and the boot-time scheme upgrade both do. Each row is replaced only if it still holds
 * the exact ciphertext that was read (same key id and IV), so a concurrent edit is never lost.
 */
@Injectable()
export class CredentialResealService {
  constructor(
    private readonly vault: VaultService,
    private readonly credentials: CredentialRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Re-seals `rows` in one transaction; rows that do not open go to `failed`. Returns rows changed. */
  async resealBatch(rows: SealedCredential[], failed: Map<string, ResealFailure>): Promise<number> {
    let changed = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) {
        let plaintext: string;
        try {
          plaintext = this.vault.open(credentialAad(row), sealedOf(row));
        } catch (err) {
          failed.set(row.id, { id: row.id, name: row.name, message: (err as Error).message });
          continue;
        }
        changed += await this.credentials.replaceSealed(row, sealFor(this.vault, row, plaintext), manager);
      }
    });
    return changed;
  }
}
