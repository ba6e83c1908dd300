import { CreateCredentialSchema } from '@rolecall/server/api';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, errorMessage } from '../api/api-client';
import type { Catalog } from '../api/catalog.api';
import {
  createCredential,
  testUnsavedCredential,
  type CreateCredential,
  type Credential,
  type CredentialTestResult,
} from '../api/credentials.api';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { useUnsavedChangesPrompt } from '../hooks/use-unsaved-changes-prompt';
import { bodyResolver } from '../lib/body-resolver';
import { CredentialFields } from './CredentialFields';
import { credentialIssues, toCredentialBody, type CredentialFormValues } from './credential-body';

type Props = {
  catalog: Catalog;
  onCreated: (credential: Credential) => void;
  onCancel: () => void;
  /** Inside the integration wizard the preset is already chosen. */
  presetId?: string;
};

/**
 * "New credential", driven by the preset catalog: the preset picks its auth kinds, the auth kind
 * its fields. The server's own schema checks the inputs before anything is sent, every problem at
 * once beside its field; Test tries the settings at the vendor before they are saved.
 */
export function CredentialForm({ catalog, onCreated, onCancel, presetId: fixedPreset }: Props) {
  const form = useForm<CredentialFormValues, unknown, CreateCredential>({
    defaultValues: { name: '', presetId: fixedPreset ?? catalog.presets[0]?.id ?? '', authKind: '', region: '', baseUrl: '', fields: {} },
    resolver: bodyResolver(
      CreateCredentialSchema,
      (values: CredentialFormValues) => toCredentialBody(values, catalog.presets.find((p) => p.id === values.presetId)),
      (body) => credentialIssues(body, catalog.presets.find((p) => p.id === body.presetId)),
    ),
  });
  const { register, formState, watch, setValue, setError, handleSubmit } = form;
  const errors = formState.errors;
  const [formError, setFormError] = useState<string>();
  const [test, setTest] = useState<CredentialTestResult>();
  const [testing, setTesting] = useState(false);
  const saving = formState.isSubmitting;
  const unsaved = useUnsavedChangesPrompt(formState.isDirty);

  const presetId = watch('presetId');
  const preset = catalog.presets.find((p) => p.id === presetId);
  const authKind = preset?.authKinds.find((a) => a.id === watch('authKind')) ?? preset?.authKinds[0];
  const needsBaseUrl = preset !== undefined && preset.regions.length === 0;

  /** The server's 400 issues go beside their fields too, for checks only it can make. */
  function showServerError(error: unknown) {
    setFormError(errorMessage(error));
    if (error instanceof ApiError) {
      for (const [path, message] of Object.entries(error.fieldErrors())) setError(path as never, { message });
    }
  }

  const save = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      const created = await createCredential(body);
      unsaved.allowLeave();
      onCreated(created);
    } catch (error) {
      showServerError(error);
      throw error;
    }
  });

  const runTest = handleSubmit(async (body) => {
    setTesting(true);
    setFormError(undefined);
    setTest(undefined);
    try {
      setTest(await testUnsavedCredential(body));
    } catch (error) {
      showServerError(error);
    } finally {
      setTesting(false);
    }
  });

  return (
    <form className="form card" onSubmit={(e) => void save(e).catch(() => undefined)} noValidate aria-label="New credential">
      <fieldset className="form-section">
        <legend>Credential</legend>
        <div className="form-grid">
          <FormField label="Name" htmlFor="credential-name" error={errors.name?.message}>
            <input id="credential-name" className="input" placeholder="e.g. Litmos production" {...register('name')} />
          </FormField>
          {!fixedPreset && (
            <FormField label="Preset" htmlFor="credential-preset" error={errors.presetId?.message} hint={preset?.description}>
              <select
                id="credential-preset"
                className="input"
                {...register('presetId', {
                  onChange: () => {
                    setValue('authKind', '');
                    setValue('region', '');
                    setValue('fields', {});
                    setTest(undefined);
                  },
                })}
              >
                {catalog.presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </FormField>
          )}
          {(preset?.authKinds.length ?? 0) > 1 && (
            <FormField label="Auth kind" htmlFor="credential-auth-kind" error={errors.authKind?.message}>
              <select
                id="credential-auth-kind"
                className="input"
                {...register('authKind', { onChange: () => setValue('fields', {}) })}
              >
                {preset?.authKinds.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </FormField>
          )}
        </div>
      </fieldset>

      {authKind && (
        <CredentialFields auth={authKind} idPrefix="credential-field" register={(key) => register(`fields.${key}`)} errors={errors.fields} />
      )}

      <fieldset className="form-section">
        <legend>Endpoint</legend>
        <div className="form-grid">
          {preset && preset.regions.length > 0 && (
            <FormField label="Region" htmlFor="credential-region" error={errors.region?.message}>
              <select id="credential-region" className="input" {...register('region')}>
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
            error={errors.baseUrl?.message}
            hint={needsBaseUrl ? 'Where this app’s API lives.' : 'Overrides the region, e.g. for a sandbox or a simulator.'}
          >
            <input
              id="credential-base-url"
              className="input"
              type="url"
              placeholder={preset?.customBaseUrl?.placeholder ?? preset?.regions[0]?.baseUrl}
              {...register('baseUrl')}
            />
          </FormField>
        </div>
      </fieldset>

      {test && (
        <Notice tone={test.ok ? 'success' : 'error'}>
          <strong>{test.ok ? 'Connection works.' : 'Connection failed.'}</strong> {test.message}
        </Notice>
      )}
      {/* Beside the submit button, where the eye is after pressing it; field errors sit under their inputs. */}
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save credential'}
        </button>
        <button type="button" className="btn" disabled={testing} onClick={() => void runTest()}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <span className="text-muted">Secrets are encrypted at rest; after saving only a mask is shown.</span>
      </div>
      {unsaved.prompt}
    </form>
  );
}
