import { UpdateIntegrationSchema } from '@rolecall/server/api';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/api-client';
import type { Catalog, CatalogPreset } from '../api/catalog.api';
import type { Credential } from '../api/credentials.api';
import { updateIntegration, type Integration, type UpdateIntegration } from '../api/integrations.api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormField } from '../components/FormField';
import { LabelSelect } from '../components/LabelSelect';
import { Notice } from '../components/Notice';
import { useUnsavedChangesPrompt } from '../hooks/use-unsaved-changes-prompt';
import { bodyResolver } from '../lib/body-resolver';
import { CustomFieldAdder } from './CustomFieldAdder';
import { errorFor } from './field-error';
import { flatErrors } from './flat-errors';
import { changedSettings, customTarget, toDraft, type IntegrationDraft } from './integration-draft';
import { PREFERENCE_LABELS, USER_SELECTION_LABELS } from './integration-labels';
import { MappingEditor } from './MappingEditor';
import { RateLimitField } from './RateLimitField';
import { ScheduleFields } from './ScheduleFields';
import { SyncKeysEditor } from './SyncKeysEditor';

type Props = {
  integration: Integration;
  preset: CatalogPreset | undefined;
  inventoryFields: Catalog['inventoryFields'];
  /** Credentials of the integration's preset. */
  credentials: Credential[];
  onSaved: (integration: Integration) => void;
};

/**
 * Edits a saved integration; sends only what changed, and the server re-judges readiness. The
 * server's own update schema checks the changes before they are sent, every problem at once
 * beside its field; what only the server can judge comes back from it and lands there too.
 */
export function IntegrationEditForm({ integration, preset, inventoryFields, credentials, onSaved }: Props) {
  const form = useForm<IntegrationDraft, unknown, UpdateIntegration>({
    defaultValues: toDraft(integration),
    resolver: bodyResolver(UpdateIntegrationSchema, (draft: IntegrationDraft) => changedSettings(integration, draft)),
  });
  const { register, watch, setValue, setError, handleSubmit, formState } = form;
  const [confirmSmart, setConfirmSmart] = useState(false);
  const [smartBusy, setSmartBusy] = useState(false);
  const [formError, setFormError] = useState<string>();
  const draft = watch();
  const fieldErrors = flatErrors(formState.errors);
  const submitting = formState.isSubmitting || smartBusy;
  // Trimmed and normalised, so typing a space and deleting it again is no change.
  const dirty = Object.keys(changedSettings(integration, draft)).length > 0;
  // After a save the page remounts the form from what the server kept, so `dirty` clears itself.
  const unsaved = useUnsavedChangesPrompt(dirty);
  // Once a save was tried, each change re-checks its setting, so a fixed error goes away at once.
  const set = <K extends keyof IntegrationDraft>(key: K, value: IntegrationDraft[K]) =>
    setValue(key, value as never, { shouldDirty: true, shouldValidate: formState.isSubmitted });

  /** The server's 400/422 issues go beside their fields, for checks only it can make. */
  async function send(body: UpdateIntegration) {
    setFormError(undefined);
    try {
      onSaved(await updateIntegration(integration.id, body));
    } catch (error) {
      setFormError(errorMessage(error));
      if (error instanceof ApiError) {
        for (const [path, message] of Object.entries(error.fieldErrors())) setError(path as never, { message });
      }
    }
  }

  const save = handleSubmit(send);

  async function smartMapping() {
    setSmartBusy(true);
    await send({ smartMapping: true });
    setSmartBusy(false);
    setConfirmSmart(false);
  }

  function removeCustomField(key: string) {
    const mappings = { ...draft.mappings };
    delete mappings[customTarget(key)];
    set('customFields', draft.customFields.filter((f) => f.key !== key));
    set('mappings', mappings);
  }

  return (
    <form className="form card" onSubmit={(e) => void save(e)} noValidate>
      <fieldset className="form-section">
        <legend>Source</legend>
        <div className="form-grid">
          <FormField label="Name" htmlFor="integration-name" error={errorFor(fieldErrors, 'name')}>
            <input id="integration-name" className="input" {...register('name')} />
          </FormField>
          <FormField
            label="App name"
            htmlFor="integration-app"
            error={errorFor(fieldErrors, 'appName')}
            hint="The inventory app its users land in."
          >
            <input id="integration-app" className="input" {...register('appName')} />
          </FormField>
          <FormField
            label="Credential"
            htmlFor="integration-credential"
            error={errorFor(fieldErrors, 'credentialId')}
            hint={
              credentials.length === 0 ? (
                <>
                  No {preset?.name ?? ''} credential yet — <Link to="/credentials/new">add one</Link>.
                </>
              ) : (
                'The API key the load signs in with.'
              )
            }
          >
            <select id="integration-credential" className="input" {...register('credentialId')}>
              {credentials.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value="">None (stays a draft)</option>
            </select>
          </FormField>
          <FormField
            label="People role"
            htmlFor="integration-person-role"
            optional
            error={errorFor(fieldErrors, 'personRole')}
            hint="Role given to the People this load creates, e.g. Learner."
          >
            <input id="integration-person-role" className="input" {...register('personRole')} />
          </FormField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Load</legend>
        <div className="form-grid">
          <FormField label="User selection" htmlFor="integration-selection" error={errorFor(fieldErrors, 'userSelection')}>
            <LabelSelect id="integration-selection" value={draft.userSelection} labels={USER_SELECTION_LABELS} onChange={(v) => set('userSelection', v)} />
          </FormField>
          <FormField label="Preference" htmlFor="integration-preference" error={errorFor(fieldErrors, 'preference')}>
            <LabelSelect id="integration-preference" value={draft.preference} labels={PREFERENCE_LABELS} onChange={(v) => set('preference', v)} />
          </FormField>
          <SyncKeysEditor
            value={draft.syncKeys}
            onChange={(v) => set('syncKeys', v)}
            error={errorFor(fieldErrors, 'syncKeys')}
            allowed={preset?.syncKeyFields ?? []}
          />
          <FormField
            label="Deactivation safety limit (%)"
            htmlFor="integration-deactivation-limit"
            error={errorFor(fieldErrors, 'deactivationLimitPercent')}
            hint="A run that would deactivate more of the app's users than this waits for your confirmation."
          >
            <input
              id="integration-deactivation-limit"
              className="input"
              type="number"
              min={0}
              max={100}
              {...register('deactivationLimitPercent')}
            />
          </FormField>
        </div>
      </fieldset>

      <ScheduleFields value={draft.schedule} onChange={(v) => set('schedule', v)} fieldErrors={fieldErrors}>
        <RateLimitField
          requests={draft.rateLimit.requests}
          seconds={draft.rateLimit.seconds}
          presetLimit={preset?.rateLimit}
          error={errorFor(fieldErrors, 'rateLimit')}
          onChange={(v) => set('rateLimit', v)}
        />
      </ScheduleFields>

      <fieldset className="form-section">
        <legend className="legend-with-action">
          Field mapping
          <button type="button" className="btn btn-sm" onClick={() => setConfirmSmart(true)} disabled={submitting}>
            Smart Mapping
          </button>
        </legend>
        <div className="stack">
          {errorFor(fieldErrors, 'customFields') && (
            <p className="field-error">{errorFor(fieldErrors, 'customFields')}</p>
          )}
          <MappingEditor
            mappings={draft.mappings}
            customFields={draft.customFields}
            inventoryFields={inventoryFields}
            preset={preset}
            fieldErrors={fieldErrors}
            onChange={(v) => set('mappings', v)}
            onRemoveCustomField={removeCustomField}
          />
          <CustomFieldAdder
            existing={draft.customFields}
            onAdd={(field) => set('customFields', [...draft.customFields, field])}
          />
        </div>
      </fieldset>

      {formError && <Notice tone="error">{formError}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submitting || !dirty}>
          {submitting ? 'Saving…' : 'Save changes'}
        </button>
        <Link className="btn" to={`/integrations/${integration.id}`}>
          Back to integration
        </Link>
        <span className="text-muted">{dirty ? 'Unsaved changes.' : 'No unsaved changes.'}</span>
      </div>

      {confirmSmart && (
        <ConfirmDialog
          title="Replace the mapping by Smart Mapping?"
          confirmLabel="Use Smart Mapping"
          busy={submitting}
          onConfirm={() => void smartMapping()}
          onCancel={() => setConfirmSmart(false)}
        >
          <p>
            The server maps {preset?.name ?? 'vendor'} fields onto inventory fields by name and type. Every current
            mapping, custom field mappings included, is replaced, and unsaved changes on this page are discarded.
          </p>
        </ConfirmDialog>
      )}
      {unsaved.prompt}
    </form>
  );
}
