import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Catalog, CatalogPreset } from '../api/catalog.api';
import type { Credential } from '../api/credentials.api';
import { updateIntegration, type Integration } from '../api/integrations.api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormField } from '../components/FormField';
import { LabelSelect } from '../components/LabelSelect';
import { Notice } from '../components/Notice';
import { useApiForm } from '../hooks/use-api-form';
import { CustomFieldAdder } from './CustomFieldAdder';
import { errorFor } from './field-error';
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

/** Edits a saved integration; sends only what changed, and the server re-judges readiness. */
export function IntegrationEditForm({ integration, preset, inventoryFields, credentials, onSaved }: Props) {
  const [draft, setDraft] = useState<IntegrationDraft>(() => toDraft(integration));
  const [confirmSmart, setConfirmSmart] = useState(false);
  const { submitting, formError, fieldErrors, submit: send } = useApiForm();
  const set = (patch: Partial<IntegrationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changes = changedSettings(integration, draft);
  const dirty = Object.keys(changes).length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(() => updateIntegration(integration.id, changes), onSaved);
  }

  async function smartMapping() {
    await send(() => updateIntegration(integration.id, { smartMapping: true }), onSaved);
    setConfirmSmart(false);
  }

  function removeCustomField(key: string) {
    const mappings = { ...draft.mappings };
    delete mappings[customTarget(key)];
    set({ customFields: draft.customFields.filter((f) => f.key !== key), mappings });
  }

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="form-section">
        <legend>Source</legend>
        <div className="form-grid">
          <FormField label="Name" htmlFor="integration-name" error={errorFor(fieldErrors, 'name')}>
            <input id="integration-name" className="input" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </FormField>
          <FormField
            label="App name"
            htmlFor="integration-app"
            error={errorFor(fieldErrors, 'appName')}
            hint="The inventory app its users land in."
          >
            <input
              id="integration-app"
              className="input"
              value={draft.appName}
              onChange={(e) => set({ appName: e.target.value })}
            />
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
            <select
              id="integration-credential"
              className="input"
              value={draft.credentialId}
              onChange={(e) => set({ credentialId: e.target.value })}
            >
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
            <input
              id="integration-person-role"
              className="input"
              value={draft.personRole}
              onChange={(e) => set({ personRole: e.target.value })}
            />
          </FormField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Load</legend>
        <div className="form-grid">
          <FormField label="User selection" htmlFor="integration-selection" error={errorFor(fieldErrors, 'userSelection')}>
            <LabelSelect id="integration-selection" value={draft.userSelection} labels={USER_SELECTION_LABELS} onChange={(userSelection) => set({ userSelection })} />
          </FormField>
          <FormField label="Preference" htmlFor="integration-preference" error={errorFor(fieldErrors, 'preference')}>
            <LabelSelect id="integration-preference" value={draft.preference} labels={PREFERENCE_LABELS} onChange={(preference) => set({ preference })} />
          </FormField>
          <SyncKeysEditor
            value={draft.syncKeys}
            onChange={(syncKeys) => set({ syncKeys })}
            error={errorFor(fieldErrors, 'syncKeys')}
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
              value={draft.deactivationLimit}
              onChange={(e) => set({ deactivationLimit: e.target.value })}
            />
          </FormField>
        </div>
      </fieldset>

      <ScheduleFields value={draft.schedule} onChange={(schedule) => set({ schedule })} fieldErrors={fieldErrors}>
        <RateLimitField
          requests={draft.rateRequests}
          seconds={draft.rateSeconds}
          presetLimit={preset?.rateLimit}
          error={errorFor(fieldErrors, 'rateLimit')}
          onChange={(v) => set({ rateRequests: v.requests, rateSeconds: v.seconds })}
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
            onChange={(mappings) => set({ mappings })}
            onRemoveCustomField={removeCustomField}
          />
          <CustomFieldAdder
            existing={draft.customFields}
            onAdd={(field) => set({ customFields: [...draft.customFields, field] })}
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
    </form>
  );
}
