import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Catalog } from '../api/catalog.api';
import { createCredential, type CreateCredential, type Credential } from '../api/credentials.api';
import { FormField } from '../components/FormField';
import { useApiForm } from '../hooks/use-api-form';
import { Notice } from '../components/Notice';

type Props = { catalog: Catalog; onCreated: (credential: Credential) => void };

/**
 * "New credential", driven by the preset catalog: the preset picks its auth kinds, the auth kind
 * its fields. Secret fields are password inputs and are never shown again once saved.
 */
export function CredentialForm({ catalog, onCreated }: Props) {
  const [name, setName] = useState('');
  const [presetId, setPresetId] = useState(catalog.presets[0]?.id ?? '');
  const [authKindId, setAuthKindId] = useState<string>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [region, setRegion] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const { submitting, formError, fieldErrors, clearErrors, submit: send } = useApiForm();

  const preset = catalog.presets.find((p) => p.id === presetId);
  const authKind = preset?.authKinds.find((a) => a.id === authKindId) ?? preset?.authKinds[0];
  const needsBaseUrl = preset !== undefined && preset.regions.length === 0;

  function choosePreset(id: string) {
    setPresetId(id);
    setAuthKindId(undefined);
    setValues({});
    setRegion('');
    setBaseUrl('');
    clearErrors();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!preset || !authKind) return;
    // Only the chosen auth kind's fields, and only filled ones: empty means "use the default".
    const fields = Object.fromEntries(
      authKind.fields.map((f) => [f.key, values[f.key]?.trim() ?? '']).filter(([, v]) => v !== ''),
    );
    const body: CreateCredential = {
      name: name.trim(),
      presetId: preset.id,
      authKind: authKind.id,
      ...(region ? { region } : {}),
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      fields,
    };
    await send(() => createCredential(body), onCreated);
  }

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="form-section">
        <legend>Credential</legend>
        <div className="form-grid">
          <FormField label="Name" htmlFor="credential-name" error={fieldErrors.name}>
            <input
              id="credential-name"
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Litmos production"
            />
          </FormField>
          <FormField
            label="Preset"
            htmlFor="credential-preset"
            error={fieldErrors.presetId}
            hint={preset?.description}
          >
            <select
              id="credential-preset"
              className="input"
              value={presetId}
              onChange={(e) => choosePreset(e.target.value)}
            >
              {catalog.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Auth kind" htmlFor="credential-auth-kind" error={fieldErrors.authKind}>
            <select
              id="credential-auth-kind"
              className="input"
              value={authKind?.id ?? ''}
              disabled={(preset?.authKinds.length ?? 0) <= 1}
              onChange={(e) => {
                setAuthKindId(e.target.value);
                setValues({});
              }}
            >
              {preset?.authKinds.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </FormField>
        </div>
      </fieldset>

      {authKind && (
        <fieldset className="form-section">
          <legend>{authKind.label}</legend>
          <div className="form-grid">
            {authKind.fields.map((field) => (
              <FormField
                key={`${authKind.id}-${field.key}`}
                label={field.label}
                htmlFor={`credential-field-${field.key}`}
                optional={!field.required || field.default !== undefined}
                error={fieldErrors[`fields.${field.key}`]}
                hint={
                  [field.description, field.default !== undefined ? `Default: ${field.default}.` : '']
                    .filter(Boolean)
                    .join(' ') || undefined
                }
              >
                <input
                  id={`credential-field-${field.key}`}
                  className="input"
                  type={field.secret ? 'password' : 'text'}
                  autoComplete={field.secret ? 'new-password' : 'off'}
                  placeholder={field.placeholder ?? field.default}
                  value={values[field.key] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [field.key]: e.target.value }))}
                />
              </FormField>
            ))}
          </div>
        </fieldset>
      )}

      <fieldset className="form-section">
        <legend>Endpoint</legend>
        <div className="form-grid">
          {preset && preset.regions.length > 0 && (
            <FormField label="Region" htmlFor="credential-region" error={fieldErrors.region}>
              <select id="credential-region" className="input" value={region} onChange={(e) => setRegion(e.target.value)}>
                <option value="">Default ({preset.regions[0]?.label})</option>
                {preset.regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label} — {r.baseUrl}
                  </option>
                ))}
              </select>
            </FormField>
          )}
          <FormField
            label={preset?.customBaseUrl?.label ?? 'Base URL'}
            htmlFor="credential-base-url"
            optional={!needsBaseUrl}
            error={fieldErrors.baseUrl}
            hint={
              needsBaseUrl
                ? 'Where this app’s API lives.'
                : 'Overrides the region, e.g. for a sandbox or a simulator.'
            }
          >
            <input
              id="credential-base-url"
              className="input"
              type="url"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              placeholder={preset?.customBaseUrl?.placeholder ?? preset?.regions[0]?.baseUrl}
            />
          </FormField>
        </div>
      </fieldset>

      {/* Beside the submit button, where the eye is after pressing it; field errors sit under their inputs. */}
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save credential'}
        </button>
        <Link className="btn" to="/credentials">
          Cancel
        </Link>
        <span className="text-muted">Secrets are encrypted at rest; after saving only a mask is shown.</span>
      </div>
    </form>
  );
}
