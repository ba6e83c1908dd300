import { UpdateCredentialSchema } from '@rolecall/server/api';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, errorMessage } from '../api/api-client';
import type { CatalogPreset } from '../api/catalog.api';
import { testCredential, updateCredential, type Credential, type CredentialTestResult, type UpdateCredential } from '../api/credentials.api';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { useUnsavedChangesPrompt } from '../hooks/use-unsaved-changes-prompt';
import { bodyResolver } from '../lib/body-resolver';
import { CredentialFields } from './CredentialFields';
import { toEditValues, toUpdateBody, type CredentialEditValues } from './credential-update';

type Props = { credential: Credential; preset: CatalogPreset | undefined; onSaved: (credential: Credential) => void; onCancel: () => void };

/**
 * Edit a stored credential: name, region, base URL, and secrets replaced without ever showing the
 * old ones (an empty secret keeps it). Moving it to another host or region needs every secret
 * again; the server says which. "Save and test" tests what was saved, labelled as such.
 */
export function CredentialEditForm({ credential, preset, onSaved, onCancel }: Props) {
  const form = useForm<CredentialEditValues, unknown, UpdateCredential>({
    defaultValues: toEditValues(credential, preset),
    resolver: bodyResolver(UpdateCredentialSchema, (values: CredentialEditValues) => toUpdateBody(values, credential, preset)),
  });
  const { register, formState, handleSubmit, setError, reset } = form;
  const errors = formState.errors;
  const [formError, setFormError] = useState<string>();
  const [test, setTest] = useState<CredentialTestResult>();
  const [saved, setSaved] = useState<Credential>();
  // After a save the form starts again from what the server kept (new secrets empty again);
  // react-hook-form wants reset after the submit has settled, not inside it.
  useEffect(() => {
    if (formState.isSubmitSuccessful && saved) reset(toEditValues(saved, preset));
  }, [formState.isSubmitSuccessful, saved, reset, preset]);
  const unsaved = useUnsavedChangesPrompt(formState.isDirty);
  const auth = preset?.authKinds.find((a) => a.id === credential.authKind);
  const rootError = (formState.errors as { root?: { message?: string }; ''?: { message?: string } })['']?.message;

  const save = (andTest: boolean) =>
    handleSubmit(async (body) => {
      setFormError(undefined);
      setTest(undefined);
      try {
        const stored = await updateCredential(credential.id, body);
        setSaved(stored);
        if (andTest) setTest(await testCredential(stored.id));
        onSaved(stored);
      } catch (error) {
        setFormError(errorMessage(error));
        if (error instanceof ApiError) {
          for (const [path, message] of Object.entries(error.fieldErrors())) setError(path as never, { message });
        }
        // A refused save leaves the form as typed, and not "submitted successfully".
        throw error;
      }
    });

  return (
    <form className="form card" onSubmit={(e) => void save(false)(e).catch(() => undefined)} noValidate aria-label={`Edit ${credential.name}`}>
      <fieldset className="form-section">
        <legend>Credential</legend>
        <div className="form-grid">
          <FormField label="Name" htmlFor="edit-credential-name" error={errors.name?.message}>
            <input id="edit-credential-name" className="input" {...register('name')} />
          </FormField>
          {preset && preset.regions.length > 0 && (
            <FormField label="Region" htmlFor="edit-credential-region" error={errors.region?.message}>
              <select id="edit-credential-region" className="input" {...register('region')}>
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
            htmlFor="edit-credential-base-url"
            optional={(preset?.regions.length ?? 0) > 0}
            error={errors.baseUrl?.message}
            hint="Changing where it connects needs every secret again: stored secrets never go to a new host."
          >
            <input id="edit-credential-base-url" className="input" type="url" {...register('baseUrl')} />
          </FormField>
        </div>
      </fieldset>
      {auth && (
        <CredentialFields
          auth={auth}
          idPrefix="edit-credential-field"
          register={(key) => register(`fields.${key}`)}
          errors={errors.fields}
          masks={credential.masks}
        />
      )}
      {test && (
        <Notice tone={test.ok ? 'success' : 'error'}>
          <strong>{test.ok ? 'Saved, and the saved settings work.' : 'Saved, but the saved settings failed their test.'}</strong> {test.message}
        </Notice>
      )}
      {rootError && !formState.isDirty && <Notice tone="info">Nothing has changed yet.</Notice>}
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="btn" disabled={formState.isSubmitting} onClick={() => void save(true)().catch(() => undefined)}>
          Save and test
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {unsaved.prompt}
    </form>
  );
}
