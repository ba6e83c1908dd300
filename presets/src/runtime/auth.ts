import { ErrorCode } from '../errors/error-code';
import { authMaterialFields, type Auth, type Preset } from '../preset.schema';
import { PresetError } from './preset-error';

/** Credential values after defaults, plus every string that must never leave the process. */
export interface ResolvedCredentials {
  auth: Auth;
  values: Record<string, string>;
  /** Secret field values and the encoded header values derived from them. */
  secrets: string[];
  headers: Record<string, string>;
}

/**
 * Picks the auth kind (by id or kind; default the preset's first), applies field defaults,
 * checks required fields and builds the auth headers. Missing fields fail before any request.
 */
export function resolveCredentials(preset: Preset, raw: Record<string, string>, authKind?: string): ResolvedCredentials {
  const auth = authKind === undefined ? preset.auth[0] : preset.auth.find((a) => a.id === authKind || a.kind === authKind);
  if (!auth) {
    throw new PresetError({
      code: ErrorCode.ConfigInvalid,
      retryable: false,
      message: `${preset.name} has no auth kind "${authKind}". Use one of: ${preset.auth.map((a) => a.id).join(', ')}.`,
    });
  }
  const rawSecrets = auth.fields.filter((f) => f.secret).map((f) => raw[f.key] ?? '').filter(Boolean);
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const field of auth.fields) {
    const value = raw[field.key]?.trim() || field.default || '';
    if (!value && field.required) missing.push(field.label);
    values[field.key] = value;
  }
  if (missing.length) {
    throw new PresetError({
      code: ErrorCode.ConfigInvalid,
      retryable: false,
      message: `${preset.name} credential is missing: ${missing.join(', ')}. Edit the credential and fill them in.`,
    });
  }
  const secrets = [...rawSecrets, ...auth.fields.filter((f) => f.secret).map((f) => values[f.key] ?? '')];
  const headers = authHeaders(auth, values);
  secrets.push(...Object.values(headers), ...Object.values(headers).map((h) => h.replace(/^(Basic|Bearer) /, '')));
  return { auth, values, secrets: [...new Set(secrets)].filter((s) => s.length > 0), headers };
}

/** The headers that carry the credential. */
export function authHeaders(auth: Auth, values: Record<string, string>): Record<string, string> {
  const [first = '', second] = authMaterialFields(auth).map((k) => values[k] ?? '');
  switch (auth.kind) {
    case 'apiKeyHeader':
      return { [auth.header]: first };
    case 'bearer':
      return { Authorization: `Bearer ${first}` };
    case 'basic':
      // Lever and Planhat: the key is the username and the password is empty ("<key>:").
      return { Authorization: `Basic ${Buffer.from(`${first}:${second ?? ''}`).toString('base64')}` };
  }
}
