import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Catalog } from '../api/catalog.api';
import type { Credential } from '../api/credentials.api';
import type {
  CreateIntegration,
  Integration,
  LoadPreference,
  SyncKeyField,
  UserSelection,
} from '../api/integrations.api';
import { createIntegration } from '../api/integrations.api';
import { FormField } from '../components/FormField';
import { LabelSelect } from '../components/LabelSelect';
import { useApiForm } from '../hooks/use-api-form';
import { Notice } from '../components/Notice';
import { errorFor } from './field-error';
import { PREFERENCE_LABELS, SYNC_KEY_LABELS, USER_SELECTION_LABELS } from './integration-labels';
import { ScheduleFields } from './ScheduleFields';
import { DEFAULT_SCHEDULE_DRAFT, fromScheduleDraft } from './schedule-draft';

type Props = { catalog: Catalog; credentials: Credential[]; onCreated: (integration: Integration) => void };


/** "New integration": creates a Draft with the preset's (or Smart) mapping; the API validates it. */
export function IntegrationForm({ catalog, credentials, onCreated }: Props) {
  const [name, setName] = useState('');
  const [presetId, setPresetId] = useState(catalog.presets[0]?.id ?? '');
  // undefined = not chosen yet, so the first credential of the preset is preselected.
  const [chosenCredential, setChosenCredential] = useState<string>();
  const [appName, setAppName] = useState('');
  const [userSelection, setUserSelection] = useState<UserSelection>('user_plus_saas_user');
  const [preference, setPreference] = useState<LoadPreference>('create_update');
  const [smartMapping, setSmartMapping] = useState(false);
  const [syncKey, setSyncKey] = useState<SyncKeyField>('externalId');
  const [schedule, setSchedule] = useState(DEFAULT_SCHEDULE_DRAFT);
  const { submitting, formError, fieldErrors, submit: send } = useApiForm();

  const preset = catalog.presets.find((p) => p.id === presetId);
  const presetCredentials = credentials.filter((c) => c.presetId === presetId);
  const credentialId = chosenCredential ?? presetCredentials[0]?.id ?? '';

  function changeUserSelection(value: UserSelection) {
    setUserSelection(value);
    // "User only" matches People by email, so the API would hold any other key as not ready.
    if (value === 'user') setSyncKey('email');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: CreateIntegration = {
      name: name.trim(),
      presetId,
      ...(credentialId ? { credentialId } : {}),
      ...(appName.trim() ? { appName: appName.trim() } : {}),
      userSelection,
      preference,
      smartMapping,
      syncKeys: [{ field: syncKey, priority: 1 }],
      schedule: fromScheduleDraft(schedule),
    };
    await send(() => createIntegration(body), onCreated);
  }

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="form-section">
        <legend>Source</legend>
        <div className="form-grid">
          <FormField label="Name" htmlFor="integration-name" error={errorFor(fieldErrors, 'name')}>
            <input
              id="integration-name"
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Litmos users"
              required
            />
          </FormField>
          <FormField
            label="Preset"
            htmlFor="integration-preset"
            error={errorFor(fieldErrors, 'presetId')}
            hint={preset ? `${preset.description} Rate limit: ${preset.rateLimit.description}.` : undefined}
          >
            <select
              id="integration-preset"
              className="input"
              value={presetId}
              onChange={(e) => {
                setPresetId(e.target.value);
                setChosenCredential(undefined);
              }}
            >
              {catalog.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            label="Credential"
            htmlFor="integration-credential"
            error={errorFor(fieldErrors, 'credentialId')}
            hint={
              presetCredentials.length === 0 ? (
                <>
                  No {preset?.name ?? ''} credential yet — <Link to="/credentials/new">add one</Link>; until then the
                  integration stays a draft.
                </>
              ) : (
                'The API key the load signs in with.'
              )
            }
          >
            <select
              id="integration-credential"
              className="input"
              value={credentialId}
              onChange={(e) => setChosenCredential(e.target.value)}
            >
              {presetCredentials.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value="">None yet (stays a draft)</option>
            </select>
          </FormField>
          <FormField
            label="App name"
            htmlFor="integration-app"
            optional
            error={errorFor(fieldErrors, 'appName')}
            hint="The inventory app its users land in; defaults to the preset’s name."
          >
            <input
              id="integration-app"
              className="input"
              value={appName}
              onChange={(e) => setAppName(e.target.value)}
              placeholder={preset?.name}
            />
          </FormField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Load</legend>
        <div className="form-grid">
          <FormField
            label="User selection"
            htmlFor="integration-selection"
            error={errorFor(fieldErrors, 'userSelection')}
            hint={
              userSelection === 'user'
                ? 'Creates or updates People only, matched by email.'
                : 'Creates People and their SaaS user accounts in this app.'
            }
          >
            <LabelSelect id="integration-selection" value={userSelection} labels={USER_SELECTION_LABELS} onChange={changeUserSelection} />
          </FormField>
          <FormField label="Preference" htmlFor="integration-preference" error={errorFor(fieldErrors, 'preference')}>
            <LabelSelect id="integration-preference" value={preference} labels={PREFERENCE_LABELS} onChange={setPreference} />
          </FormField>
          <FormField
            label="Sync key"
            htmlFor="integration-sync-key"
            error={errorFor(fieldErrors, 'syncKeys')}
            hint="The unique field that matches a vendor user to its inventory record."
          >
            <LabelSelect id="integration-sync-key" value={syncKey} labels={SYNC_KEY_LABELS} onChange={setSyncKey} />
          </FormField>
          <div className="field field-checkbox">
            <label>
              <input type="checkbox" checked={smartMapping} onChange={(e) => setSmartMapping(e.target.checked)} />
              Smart Mapping
            </label>
            <p className="field-hint">
              Map vendor fields onto inventory fields by name and type instead of the preset’s default mapping.
            </p>
          </div>
        </div>
      </fieldset>

      <ScheduleFields value={schedule} onChange={setSchedule} fieldErrors={fieldErrors} />

      {/* Beside the submit button, where the eye is after pressing it; field errors sit under their inputs. */}
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submitting}>
          {submitting ? 'Creating…' : 'Create integration'}
        </button>
        <Link className="btn" to="/integrations">
          Cancel
        </Link>
        <span className="text-muted">It starts as a draft; launch it to run on the schedule.</span>
      </div>
    </form>
  );
}
