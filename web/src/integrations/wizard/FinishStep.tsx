import type { Catalog } from '../../api/catalog.api';
import type { Credential } from '../../api/credentials.api';
import type { Integration } from '../../api/integrations.api';
import { Notice } from '../../components/Notice';
import { countOf } from '../../lib/format';
import { MissingList } from '../MissingList';
import type { WizardStepId } from '../plain-missing';
import { PREFERENCE_LABELS, SYNC_KEY_LABELS, USER_SELECTION_LABELS } from '../integration-labels';
import { fromScheduleDraft } from '../schedule-draft';
import { schedulePreview } from './schedule-preview';
import type { WizardValues } from './wizard-values';

type Props = {
  values: WizardValues;
  catalog: Catalog;
  credentials: Credential[];
  /** The draft once created: the server's readiness decides whether it can launch. */
  created: Integration | undefined;
  busy: boolean;
  onGoTo: (step: WizardStepId) => void;
  onLaunch: () => void;
  onRunNow: () => void;
};

/** Step 5: what will be created, then Launch and Run now, or what is still missing in plain words. */
export function FinishStep({ values, catalog, credentials, created, busy, onGoTo, onLaunch, onRunNow }: Props) {
  const preset = catalog.presets.find((p) => p.id === values.presetId);
  const credential = credentials.find((c) => c.id === values.credentialId);
  const mapped = Object.keys(values.mappings).length;
  const ready = created?.readiness.ready ?? false;
  const notReadyId = 'wizard-not-ready';

  return (
    <section className="form-section" aria-labelledby="finish-title">
      <h2 className="step-title" id="finish-title">
        Finish
      </h2>
      <dl className="settings-list">
        <dt>App</dt>
        <dd>{preset?.name}</dd>
        <dt>Name</dt>
        <dd>{values.name || '—'}</dd>
        <dt>Credential</dt>
        <dd>{credential?.name ?? <span className="text-muted">None yet</span>}</dd>
        <dt>Loads</dt>
        <dd>
          {USER_SELECTION_LABELS[values.userSelection]}, {PREFERENCE_LABELS[values.preference]}
        </dd>
        <dt>Mappings</dt>
        <dd>
          {countOf(mapped, 'field')} mapped
          {values.customFields.length > 0 && `, custom: ${values.customFields.map((f) => f.label).join(', ')}`}
        </dd>
        <dt>Sync keys</dt>
        <dd>{values.syncKeys.map((k) => SYNC_KEY_LABELS[k]).join(', then ') || <span className="text-muted">None</span>}</dd>
        <dt>Schedule</dt>
        <dd>{schedulePreview(fromScheduleDraft(values.schedule))}</dd>
      </dl>

      {created && ready && (
        <Notice tone="success">
          <strong>{created.name}</strong> is saved as a draft and ready: launch it to load on the schedule, or run it now.
        </Notice>
      )}
      {created && !ready && (
        <Notice tone="info">
          <div id={notReadyId} data-testid="wizard-missing">
            <strong>Saved as a draft. Before it can run:</strong>
            <MissingList missing={created.readiness.missing} inventoryFields={catalog.inventoryFields} onFix={onGoTo} />
          </div>
        </Notice>
      )}
      {created && (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" disabled={!ready || busy} aria-describedby={ready ? undefined : notReadyId} onClick={onLaunch}>
            Launch
          </button>
          <button type="button" className="btn" disabled={!ready || busy} aria-describedby={ready ? undefined : notReadyId} onClick={onRunNow}>
            Run now
          </button>
        </div>
      )}
    </section>
  );
}
