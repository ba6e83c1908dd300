import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../api/api-client';
import { deleteIntegration } from '../api/integrations.api';
import { queries } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { IntegrationActions } from '../integrations/IntegrationActions';
import { IntegrationStatusPill } from '../integrations/IntegrationStatusPill';
import { MappingsTable } from '../integrations/MappingsTable';
import { ReadinessNotice } from '../integrations/ReadinessNotice';
import { LoadRunsTable } from '../integrations/LoadRunsTable';
import {
  PREFERENCE_LABELS,
  SYNC_KEY_LABELS,
  USER_SELECTION_LABELS,
} from '../integrations/integration-labels';
import { useIntegrationActions } from '../integrations/use-integration-actions';
import { scheduleLabel } from '../integrations/wizard/schedule-preview';
import '../integrations/integrations.css';

export function IntegrationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const integration = useQuery(queries.integration(id));
  const runs = useQuery(queries.loadRuns(id));
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  const actions = useIntegrationActions(() => void queryClient.invalidateQueries({ queryKey: ['integrations'] }));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string>();

  const item = integration.data;
  if (!item) {
    return (
      <div className="page">
        <PageHeader title="Integration" description="" back={{ to: '/integrations', label: 'Integrations' }} />
        {integration.error ? <QueryError query={integration} what="this integration" /> : <p className="text-muted">Loading…</p>}
      </div>
    );
  }

  const preset = catalog.data?.presets.find((p) => p.id === item.presetId);
  const credential = credentials.data?.find((c) => c.id === item.credentialId);

  async function remove() {
    setDeleting(true);
    try {
      await deleteIntegration(id);
      queryClient.removeQueries({ queryKey: ['integrations', id] });
      await queryClient.invalidateQueries({ queryKey: ['integrations'] });
      // Deleted already: a navigation problem is the router's to show, not a failed delete.
      void navigate('/integrations');
    } catch (error) {
      setDeleteError(errorMessage(error));
      setDeleting(false);
      setConfirmDelete(false);
    }
  }

  return (
    <div className="page">
      <PageHeader
        title={item.name}
        description={
          <>
            {preset?.name ?? item.presetId} users into the app “{item.appName}”.
          </>
        }
        back={{ to: '/integrations', label: 'Integrations' }}
        actions={
          <>
            <IntegrationActions
              integration={item}
              busy={actions.busyId === item.id}
              onRun={() => void actions.runNow(item)}
              onLaunch={() => void actions.launch(item)}
              onPause={() => void actions.pause(item)}
            />
            <Link className="btn btn-sm" to={`/integrations/${item.id}/edit`}>
              Edit
            </Link>
            <button type="button" className="btn btn-sm btn-danger-quiet" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          </>
        }
      />
      {actions.error && (
        <Notice tone="error" onDismiss={actions.clearError}>
          {actions.error}
        </Notice>
      )}
      {deleteError && (
        <Notice tone="error" onDismiss={() => setDeleteError(undefined)}>
          {deleteError}
        </Notice>
      )}
      <ReadinessNotice missing={item.readiness.missing} inventoryFields={catalog.data?.inventoryFields} />

      <div className="detail-grid">
        <section className="card">
          <h2 className="card-title">Settings</h2>
          <dl className="settings-list">
            <dt>Status</dt>
            <dd>
              <IntegrationStatusPill integration={item} />
            </dd>
            <dt>Preset</dt>
            <dd>{preset?.name ?? item.presetId}</dd>
            <dt>Credential</dt>
            <dd>
              {item.credentialId ? (
                <Link to="/credentials">{credential?.name ?? 'Unknown credential'}</Link>
              ) : (
                <span className="text-muted">None chosen</span>
              )}
            </dd>
            <dt>App name</dt>
            <dd>{item.appId ? <Link to={`/inventory?app=${item.appId}`}>{item.appName}</Link> : item.appName}</dd>
            <dt>User selection</dt>
            <dd>{USER_SELECTION_LABELS[item.userSelection]}</dd>
            <dt>Preference</dt>
            <dd>{PREFERENCE_LABELS[item.preference]}</dd>
            <dt>Sync keys</dt>
            <dd>
              {item.syncKeys.length === 0 ? (
                <span className="text-muted">None</span>
              ) : (
                [...item.syncKeys]
                  .sort((a, b) => a.priority - b.priority)
                  .map((k) => SYNC_KEY_LABELS[k.field])
                  .join(', then ')
              )}
            </dd>
            <dt>Schedule</dt>
            <dd>{scheduleLabel(item.schedule)}</dd>
            {item.personRole && (
              <>
                <dt>Person role</dt>
                <dd>{item.personRole}</dd>
              </>
            )}
          </dl>
        </section>

        <section className="card">
          <h2 className="card-title">Field mapping</h2>
          <MappingsTable
            mappings={item.mappings}
            preset={preset}
            inventoryFields={catalog.data?.inventoryFields ?? []}
            customFields={item.customFields}
          />
        </section>
      </div>

      <section className="card">
        <h2 className="card-title">Runs</h2>
        <QueryError query={runs} what="the runs" />
        {runs.data && <LoadRunsTable runs={runs.data} />}
      </section>

      {confirmDelete && (
        <ConfirmDialog
          title="Delete this integration?"
          confirmLabel="Delete integration"
          tone="danger"
          busy={deleting}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            <strong>{item.name}</strong>, its schedule and its run history are removed. Users it already loaded stay in
            the inventory.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
