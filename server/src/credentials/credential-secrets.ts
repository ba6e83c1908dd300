import { CATALOG, ErrorCode } from '@rolecall/presets';
import { DomainError } from '../common/domain-error';
import { UnknownKeyError } from '../vault/keyring';
import { SecretIntegrityError, type SealedSecret } from '../vault/vault.crypto';
import type { VaultService } from '../vault/vault.service';
import type { Credential } from './credential.entity';

/**
 * The associated-data scheme a row is sealed under. 1: the credential id only (rows written
 * before targets were bound; upgraded at boot by CredentialAadUpgradeService). 2: the id and
 * the target, so a ciphertext copied onto another row, or a row whose target is changed in
 * the database, no longer decrypts.
 */
export const CURRENT_AAD_VERSION = 2;

/** What the associated data of a credential's ciphertext is made of. */
export type AadSubject = Pick<Credential, 'id' | 'presetId' | 'region' | 'baseUrl' | 'aadVersion'>;

/**
 * Where a credential's secrets are sent, normalised: the base URL's origin (scheme, lower-cased
 * host, port) or, without one, the preset region (its id, not its URL, so a preset that moves a
 * region to a new host keeps its stored secrets readable).
 */
export function credentialTarget(row: Pick<Credential, 'presetId' | 'region' | 'baseUrl'>): string {
  if (row.baseUrl !== null) return new URL(row.baseUrl).origin;
  const preset = CATALOG.presets.find((p) => p.id === row.presetId);
  return `${row.presetId}:region:${row.region ?? preset?.regions[0]?.id ?? ''}`;
}

/** The AES-GCM associated data of a credential's ciphertext under the row's scheme. */
export function credentialAad(row: AadSubject): string {
  return row.aadVersion === 1 ? `rolecall:credential:${row.id}` : `rolecall:credential:v2:${row.id}:${credentialTarget(row)}`;
}

export function sealedOf(row: Pick<Credential, 'keyId' | 'iv' | 'authTag' | 'ciphertext'>): SealedSecret {
  return { keyId: row.keyId, iv: row.iv, authTag: row.authTag, ciphertext: row.ciphertext };
}

/** Seals plaintext for this row and target under the current scheme; the result's columns go onto the row. */
export function sealFor(
  vault: VaultService,
  row: Omit<AadSubject, 'aadVersion'>,
  plaintext: string,
): SealedSecret & { aadVersion: number } {
  const subject = { ...row, aadVersion: CURRENT_AAD_VERSION };
  return { ...vault.seal(credentialAad(subject), plaintext), aadVersion: CURRENT_AAD_VERSION };
}

/** Seals a credential's secret fields for the row with this id and target. */
export function sealSecrets(
  vault: VaultService,
  row: Omit<AadSubject, 'aadVersion'>,
  secrets: Record<string, string>,
): SealedSecret & { aadVersion: number } {
  return sealFor(vault, row, JSON.stringify(secrets));
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
  row: AadSubject & Pick<Credential, 'name' | 'keyId' | 'iv' | 'authTag' | 'ciphertext'>,
): Record<string, string> {
  let plaintext: string;
  try {
    plaintext = vault.open(credentialAad(row), sealedOf(row));
  } catch (err) {
    const what = `credential "${row.name}" (${row.id}) cannot be decrypted`;
    const details = { credentialId: row.id, repair: REPAIR_HINT };
    if (err instanceof UnknownKeyError) {
      throw new DomainError(ErrorCode.Conflict, `${what}: ${err.message}, or enter its secret fields again (PATCH with every secret field).`, details);
    }
    if (err instanceof SecretIntegrityError) {
      throw new DomainError(
        ErrorCode.Conflict,
        `${what}: ${err.message}. The stored secret was altered, damaged or moved to another target; enter its secret fields again (PATCH with every secret field).`,
        details,
      );
    }
    throw err;
  }
  return JSON.parse(plaintext) as Record<string, string>;
}
