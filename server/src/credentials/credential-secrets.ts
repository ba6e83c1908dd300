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

/** Opens a credential's secret fields; failures become errors that name the credential and what to do. */
export function openSecrets(
  vault: VaultService,
  row: Pick<Credential, 'id' | 'name' | 'keyId' | 'iv' | 'authTag' | 'ciphertext'>,
): Record<string, string> {
  let plaintext: string;
  try {
    plaintext = vault.open(credentialAad(row.id), sealedOf(row));
  } catch (err) {
    const what = `credential "${row.name}" (${row.id}) cannot be decrypted`;
    if (err instanceof UnknownKeyError) throw new DomainError(ErrorCode.ConfigInvalid, `${what}: ${err.message}`);
    if (err instanceof SecretIntegrityError) {
      throw new DomainError(
        ErrorCode.Internal,
        `${what}: ${err.message}. The stored secret was altered or damaged; enter its secret fields again (PATCH with every secret field).`,
      );
    }
    throw err;
  }
  return JSON.parse(plaintext) as Record<string, string>;
}
