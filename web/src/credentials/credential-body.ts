import type { CatalogPreset } from '../api/catalog.api';
import type { CreateCredential } from '../api/credentials.api';
import type { BodyIssue } from '../lib/body-resolver';

/** The credential form's inputs: strings, '' meaning "not set". */
export type CredentialFormValues = {
  name: string;
  presetId: string;
  authKind: string;
  region: string;
  baseUrl: string;
  fields: Record<string, string>;
};

/**
 * The create body from the inputs: only the chosen auth kind's fields, only filled ones (empty
 * means "use the default"), and no region or base URL unless one was given.
 */
export function toCredentialBody(values: CredentialFormValues, preset: CatalogPreset | undefined): CreateCredential {
  const auth = preset?.authKinds.find((a) => a.id === values.authKind) ?? preset?.authKinds[0];
  const fields = Object.fromEntries(
    (auth?.fields ?? []).map((f) => [f.key, values.fields[f.key]?.trim() ?? '']).filter(([, v]) => v !== ''),
  );
  return {
    name: values.name.trim(),
    presetId: values.presetId,
    ...(auth ? { authKind: auth.id } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values.baseUrl.trim() ? { baseUrl: values.baseUrl.trim() } : {}),
    fields,
  };
}

/** What the server checks against the preset: every required field of the auth kind, and a base URL where the preset has no region. */
export function credentialIssues(body: CreateCredential, preset: CatalogPreset | undefined): BodyIssue[] {
  if (!preset) return [];
  const auth = preset.authKinds.find((a) => a.id === body.authKind) ?? preset.authKinds[0];
  const issues: BodyIssue[] = (auth?.fields ?? [])
    .filter((f) => f.required && f.default === undefined && !body.fields[f.key])
    .map((f) => ({ path: ['fields', f.key], message: `${f.label} is required` }));
  if (preset.regions.length === 0 && !body.baseUrl) {
    issues.push({ path: ['baseUrl'], message: `${preset.customBaseUrl?.label ?? 'Base URL'} is required` });
  }
  return issues;
}
