import { ErrorCode } from '@rolecall/presets';
import { DomainError } from '../common/domain-error';
import { UnknownKeyError } from '../vault/keyring';
import { SecretIntegrityError, type SealedSecret } from '../vault/vault.crypto';
import type { VaultService } from '../vault/vault.service';
import type { Credential } from './credential.entity';

/**
 * The AES-GCM associated data of a credential's ciphertext: its id, so a ciphertext copied onto
 * another row does not decrypt there.
 */
export function credentialAad(id: string): string {
  return `rolecall:credential:${id}`;
}

export function sealedOf(row: Pick<Credential, 'keyId' | 'iv' | 'authTag' | 'ciphertext'>): SealedSecret {
  return { keyId: row.keyId, iv: row.iv, authTag: row.authTag, ciphertext: row.ciphertext };
}

/** Seals a credential's secret fields for the row with this id. */
export function sealSecrets(vault: VaultService, id: string, secrets: Record<string, string>): SealedSecret {
  return vault.seal(credentialAad(id), JSON.stringify(secrets));
}

/** What an admin does about a credential whose secret cannot be opened. */
export const REPAIR_HINT =
  'restore the vault key file (or ROLECALL_MASTER_KEY) from your backup, or enter its secret fields again (PATCH /api/credentials/{id} with every secret field)';

/**
 * Opens a credential's secret fields. A secret that cannot be opened is a state the admin must
 * repair, not a server fault: it answers 409 with the credential and what to do.
 */
export function openSecrets(
  vault: VaultService,
  row: Pick<Credential, 'id' | 'name' | 'keyId' | 'iv' | 'authTag' | 'ciphertext'>,
): Record<string, string> {
  let plaintext: string;
  try {
    plaintext = vault.open(credentialAad(row.id), sealedOf(row));
  } catch (err) {
    const what = `credential "${row.name}" (${row.id}) cannot be decrypted`;
    const details = { credentialId: row.id, repair: REPAIR_HINT };
    if (err instanceof UnknownKeyError) {
      throw new DomainError(ErrorCode.Conflict, `${what}: ${err.message}, or enter its secret fields again (PATCH with every secret field).`, details);
    }
    if (err instanceof SecretIntegrityError) {
      throw new DomainError(
        ErrorCode.Conflict,
        `${what}: ${err.message}. The stored secret was altered or damaged; enter its secret fields again (PATCH with every secret field).`,
        details,
      );
    }
    throw err;
  }
  return JSON.parse(plaintext) as Record<string, string>;
}
