import { CATALOG, ErrorCode, type CatalogPreset } from '@rolecall/presets';
import { DomainError } from '../common/domain-error';

/** One problem with a credential, shaped like a zod issue so clients render both alike. */
export interface CredentialIssue {
  path: (string | number)[];
  message: string;
}

type AuthKind = CatalogPreset['authKinds'][number];

/** Where a credential connects: checked against the preset's regions and auth kinds. */
export interface CredentialTarget {
  authKind: string;
  region: string | null;
  baseUrl: string | null;
}

/** Credential fields split the way the vault stores them. */
export interface SplitFields {
  /** Secret fields: encrypted, shown only as masks. */
  secrets: Record<string, string>;
  /** Non-secret fields: stored and shown in clear. */
  settings: Record<string, string>;
}

function invalid(preset: CatalogPreset | undefined, issues: CredentialIssue[]): DomainError {
  const what = preset ? `the ${preset.name} credential is invalid` : 'the credential is invalid';
  return new DomainError(
    ErrorCode.ValidationFailed,
    `${what}: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    { issues },
  );
}

/** The catalog entry of a preset; 400 naming the known presets when there is none. */
export function requirePreset(presetId: string): CatalogPreset {
  const preset = CATALOG.presets.find((p) => p.id === presetId);
  if (!preset) {
    const known = CATALOG.presets.map((p) => p.id).join(', ');
    throw invalid(undefined, [{ path: ['presetId'], message: `"${presetId}" is not a preset (known: ${known})` }]);
  }
  return preset;
}

/** The auth kind a credential uses (by id; default the preset's first); 400 when unknown. */
export function requireAuthKind(preset: CatalogPreset, authKind: string | undefined): AuthKind {
  const found = authKind === undefined ? preset.authKinds[0] : preset.authKinds.find((a) => a.id === authKind);
  if (!found) {
    const known = preset.authKinds.map((a) => a.id).join(', ');
    throw invalid(preset, [{ path: ['authKind'], message: `"${authKind}" is not an auth kind of ${preset.name} (use one of: ${known})` }]);
  }
  return found;
}

/** Checks region and base URL against the preset: a known region, and a base URL where the preset needs one. */
export function checkTarget(preset: CatalogPreset, target: CredentialTarget): void {
  const issues: CredentialIssue[] = [];
  if (target.region !== null) {
    if (preset.regions.length === 0) {
      issues.push({ path: ['region'], message: `must be empty: ${preset.name} has no regions, give baseUrl instead` });
    } else if (!preset.regions.some((r) => r.id === target.region)) {
      issues.push({
        path: ['region'],
        message: `"${target.region}" is not a region of ${preset.name} (use one of: ${preset.regions.map((r) => r.id).join(', ')})`,
      });
    }
  }
  if (preset.regions.length === 0 && target.baseUrl === null) {
    issues.push({ path: ['baseUrl'], message: `is required: ${preset.name} needs its ${preset.customBaseUrl?.label ?? 'base URL'}` });
  }
  if (issues.length) throw invalid(preset, issues);
}

/**
 * Checks field values against the auth kind (no unknown keys, every required field present) and
 * splits them into secrets and settings. Values are trimmed; empty ones count as absent.
 * Messages name fields, never their values.
 */
export function splitFields(preset: CatalogPreset, auth: AuthKind, fields: Record<string, string>): SplitFields {
  const issues: CredentialIssue[] = [];
  const split: SplitFields = { secrets: {}, settings: {} };
  for (const [key, raw] of Object.entries(fields)) {
    const spec = auth.fields.find((f) => f.key === key);
    if (!spec) {
      issues.push({
        path: ['fields', key],
        message: `is not a field of ${preset.name} "${auth.id}" credentials (fields: ${auth.fields.map((f) => f.key).join(', ')})`,
      });
      continue;
    }
    const value = raw.trim();
    if (spec.maxLength !== undefined && value.length > spec.maxLength) {
      issues.push({ path: ['fields', key], message: `must be at most ${spec.maxLength} characters (${spec.label})` });
      continue;
    }
    if (value) (spec.secret ? split.secrets : split.settings)[key] = value;
  }
  for (const spec of auth.fields) {
    const present = split.secrets[spec.key] ?? split.settings[spec.key];
    if (spec.required && spec.default === undefined && !present) {
      issues.push({ path: ['fields', spec.key], message: `is required (${spec.label})` });
    }
  }
  if (issues.length) throw invalid(preset, issues);
  return split;
}

/** "••••" plus the last 4 characters, but only for secrets of at least 12 characters. */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `••••${value.slice(-4)}` : '••••';
}

export function masksOf(secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, maskSecret(v)]));
}
