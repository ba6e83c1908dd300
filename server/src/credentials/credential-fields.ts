import type { CatalogPreset } from '@rolecall/presets';
import type { VaultService } from '../vault/vault.service';
import type { Credential } from './credential.entity';
import { masksOf, splitFields } from './credential-preset';
import { openSecrets, sealSecrets } from './credential-secrets';

/**
 * Merges given field values into the credential (empty string clears), re-checks them against
 * the auth kind and re-seals the secrets under the current key. Returns what changed (field keys only).
 */
export function replaceFields(
  vault: VaultService,
  row: Credential,
  preset: CatalogPreset,
  auth: CatalogPreset['authKinds'][number],
  given: Record<string, string>,
): string[] {
  const secretKeys = auth.fields.filter((f) => f.secret).map((f) => f.key);
  const replacesAllSecrets = secretKeys.every((k) => given[k]?.trim());
  let oldSecrets: Record<string, string>;
  try {
    oldSecrets = openSecrets(vault, row);
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
  Object.assign(row, sealSecrets(vault, row.id, secrets), { masks: masksOf(secrets), settings });
  return changed;
}
