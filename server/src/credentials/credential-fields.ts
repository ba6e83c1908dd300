import { ErrorCode, type CatalogPreset } from '@rolecall/presets';
import { DomainError } from '../common/domain-error';
import type { VaultService } from '../vault/vault.service';
import type { Credential } from './credential.entity';
import { masksOf, splitFields } from './credential-preset';
import { openSecrets, sealSecrets } from './credential-secrets';

type AuthKind = CatalogPreset['authKinds'][number];

/**
 * A credential that moves (another host, region or auth kind) must be given every secret field
 * again: stored secrets are never sent to a target other than the one they were entered for.
 * 400 naming each missing field.
 */
export function requireEverySecret(preset: CatalogPreset, auth: AuthKind, given: Record<string, string>): void {
  const missing = auth.fields.filter((f) => f.secret && !given[f.key]?.trim());
  if (missing.length === 0) return;
  const issues = missing.map((f) => ({
    path: ['fields', f.key],
    message: `is required again (${f.label}): the credential's host, region or auth kind changes, and stored secrets are never sent to a new target`,
  }));
  throw new DomainError(
    ErrorCode.ValidationFailed,
    `the ${preset.name} credential is invalid: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    { issues },
  );
}

/**
 * Merges given field values into the credential (empty string clears), re-checks them against
 * the auth kind and re-seals the secrets under the current key for the row's (possibly new)
 * target. `previous` is the row as stored, whose associated data opens the old secrets.
 * Returns what changed (field keys only).
 */
export function replaceFields(
  vault: VaultService,
  previous: Credential,
  row: Credential,
  preset: CatalogPreset,
  auth: AuthKind,
  given: Record<string, string>,
): string[] {
  const secretKeys = auth.fields.filter((f) => f.secret).map((f) => f.key);
  const replacesAllSecrets = secretKeys.every((k) => given[k]?.trim());
  let oldSecrets: Record<string, string>;
  try {
    oldSecrets = openSecrets(vault, previous);
  } catch (err) {
    // Re-entering every secret is how an admin recovers a damaged or orphaned secret.
    if (!replacesAllSecrets) throw err;
    oldSecrets = {};
  }
  const known = new Set(auth.fields.map((f) => f.key));
  const current = Object.fromEntries(Object.entries({ ...row.settings, ...oldSecrets }).filter(([k]) => known.has(k)));
  const { secrets, settings } = splitFields(preset, auth, { ...current, ...given });
  const before = { ...row.settings, ...oldSecrets };
  const after = { ...settings, ...secrets };
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => before[k] !== after[k])
    .map((k) => `fields.${k}`);
  Object.assign(row, sealSecrets(vault, row, secrets), { masks: masksOf(secrets), settings });
  return changed;
}
