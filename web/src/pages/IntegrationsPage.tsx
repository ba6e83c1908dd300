import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { queries } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { IntegrationActions } from '../integrations/IntegrationActions';
import { IntegrationStatusPill } from '../integrations/IntegrationStatusPill';
import { LastLoadRunCell } from '../integrations/LastLoadRunCell';
import { scheduleLabel } from '../integrations/wizard/schedule-preview';
import { useIntegrationActions } from '../integrations/use-integration-actions';
import '../integrations/integrations.css';

export function IntegrationsPage() {
  const queryClient = useQueryClient();
  const integrations = useQuery(queries.integrations());
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  const actions = useIntegrationActions(() => void queryClient.invalidateQueries({ queryKey: ['integrations'] }));

  const presetName = (id: string) => catalog.data?.presets.find((p) => p.id === id)?.name ?? id;
  const credentialName = (id: string | null) =>
    id ? (credentials.data?.find((c) => c.id === id)?.name ?? 'Unknown credential') : 'None';

  return (
    <div className="page">
      <PageHeader
        title="Integrations"
        description="SaaS apps connected to Rolecall and the user loads that keep the inventory current."
        actions={
          <Link className="btn btn-primary" to="/integrations/new">
            New integration
          </Link>
        }
      />
      <QueryError query={integrations} what="the integrations" />
      {!integrations.data && !integrations.error && <p className="text-muted">Loading…</p>}
      {actions.error && (
        <Notice tone="error" onDismiss={actions.clearError}>
          {actions.error}
        </Notice>
      )}

      {integrations.data?.length === 0 && (
        <EmptyState title="No integrations yet">
          <p>
            Connect a SaaS app through a vendor preset (SAP Litmos, Lever, Planhat, SCIM 2.0, GitHub) to load its users.
            Store its API key under <Link to="/credentials">Credentials</Link> first, then create the integration.
          </p>
          <p>
            Each integration maps the app’s user fields to the inventory and reloads on a schedule — daily by default —
            with an error log for every record it skips.
          </p>
        </EmptyState>
      )}

      {integrations.data && integrations.data.length > 0 && (
        <div className="table-card">
          <table className="table" data-testid="integrations-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Preset</th>
                <th>Status</th>
                <th>Schedule</th>
                <th>Last run</th>
                <th className="cell-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {integrations.data.map((integration) => (
                <tr key={integration.id}>
                  <td>
                    <Link className="cell-title" to={`/integrations/${integration.id}`}>
                      {integration.name}
                    </Link>
                    <div className="cell-sub">
                      {integration.appName} · {credentialName(integration.credentialId)}
                    </div>
                  </td>
                  <td className="cell-nowrap">{presetName(integration.presetId)}</td>
                  <td>
                    <IntegrationStatusPill integration={integration} />
                    {!integration.readiness.ready && (
                      <div className="cell-sub cell-nowrap" title={integration.readiness.missing.join('\n')}>
                        {integration.readiness.missing.length} setting
                        {integration.readiness.missing.length === 1 ? '' : 's'} missing
                      </div>
                    )}
                  </td>
                  <td className="cell-nowrap">{scheduleLabel(integration.schedule)}</td>
                  <td>
                    <LastLoadRunCell integrationId={integration.id} />
                  </td>
                  <td className="cell-actions">
                    <IntegrationActions
                      integration={integration}
                      busy={actions.busyId === integration.id}
                      onRun={() => void actions.runNow(integration)}
                      onLaunch={() => void actions.launch(integration)}
                      onPause={() => void actions.pause(integration)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
