import type { CatalogPreset } from '../api/catalog.api';
import type { Credential, UpdateCredential } from '../api/credentials.api';

/** The edit form's inputs: secrets start empty ("keep"), region and base URL as stored ('' = default). */
export type CredentialEditValues = { name: string; region: string; baseUrl: string; fields: Record<string, string> };

/** Every field of the auth kind gets an input value, so an untouched form is not "changed". */
export function toEditValues(credential: Credential, preset: CatalogPreset | undefined): CredentialEditValues {
  const auth = preset?.authKinds.find((a) => a.id === credential.authKind);
  const fields = Object.fromEntries((auth?.fields ?? []).map((f) => [f.key, f.secret ? '' : (credential.settings[f.key] ?? '')]));
  return { name: credential.name, region: credential.region ?? '', baseUrl: credential.baseUrl ?? '', fields };
}

/**
 * The PATCH body: only what changed. An empty secret means "keep the stored one"; settings are
 * sent when they differ. A region or base URL set back to empty returns to the preset default.
 */
export function toUpdateBody(values: CredentialEditValues, credential: Credential, preset: CatalogPreset | undefined): UpdateCredential {
  const auth = preset?.authKinds.find((a) => a.id === credential.authKind);
  const fields: Record<string, string> = {};
  for (const spec of auth?.fields ?? []) {
    const value = values.fields[spec.key]?.trim() ?? '';
    if (spec.secret ? value !== '' : value !== (credential.settings[spec.key] ?? '')) fields[spec.key] = value;
  }
  const body: UpdateCredential = {};
  if (values.name.trim() !== credential.name) body.name = values.name.trim();
  if (values.region !== (credential.region ?? '')) body.region = values.region || null;
  if (values.baseUrl.trim() !== (credential.baseUrl ?? '')) body.baseUrl = values.baseUrl.trim() || null;
  if (Object.keys(fields).length > 0) body.fields = fields;
  return body;
}
