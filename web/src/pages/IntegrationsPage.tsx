import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router-dom';
import type { Integration } from '../api/integrations.api';
import { queries } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { IntegrationActions } from '../integrations/IntegrationActions';
import { IntegrationStatusPill } from '../integrations/IntegrationStatusPill';
import { LastLoadRunCell } from '../integrations/LastLoadRunCell';
import { scheduleLabel } from '../integrations/wizard/schedule-preview';
import { useIntegrationActions } from '../integrations/use-integration-actions';
import { countOf } from '../lib/format';
import '../integrations/integrations.css';

const column = createColumnHelper<Integration>();

export function IntegrationsPage() {
  const queryClient = useQueryClient();
  const integrations = useQuery(queries.integrations());
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  const actions = useIntegrationActions(() => void queryClient.invalidateQueries({ queryKey: ['integrations'] }));

  const presetName = (id: string) => catalog.data?.presets.find((p) => p.id === id)?.name ?? id;
  const credentialName = (id: string | null) =>
    id ? (credentials.data?.find((c) => c.id === id)?.name ?? 'Unknown credential') : 'None';

  const columns = [
    column.accessor('name', {
      header: 'Name',
      cell: ({ row: { original: integration } }) => (
        <>
          <Link className="cell-title" to={`/integrations/${integration.id}`}>
            {integration.name}
          </Link>
          <div className="cell-sub">
            {integration.appName} · {credentialName(integration.credentialId)}
          </div>
        </>
      ),
    }),
    column.accessor('presetId', { header: 'Preset', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => presetName(getValue()) }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: integration } }) => (
        <>
          <IntegrationStatusPill integration={integration} />
          {!integration.readiness.ready && (
            <div className="cell-sub cell-nowrap" title={integration.readiness.missing.join('\n')}>
              {countOf(integration.readiness.missing.length, 'setting')} missing
            </div>
          )}
        </>
      ),
    }),
    column.accessor('schedule', { header: 'Schedule', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => scheduleLabel(getValue()) }),
    column.display({ id: 'lastRun', header: 'Last run', cell: ({ row }) => <LastLoadRunCell integrationId={row.original.id} /> }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      meta: { className: 'cell-actions', headerClassName: 'cell-actions' },
      cell: ({ row: { original: integration } }) => (
        <IntegrationActions
          integration={integration}
          busy={actions.busyId === integration.id}
          onRun={() => void actions.runNow(integration)}
          onLaunch={() => void actions.launch(integration)}
          onPause={() => void actions.pause(integration)}
        />
      ),
    }),
  ];

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
        <DataTable data={integrations.data} columns={columns} getRowId={(i) => i.id} empty="No integrations yet." testId="integrations-table" />
      )}
    </div>
  );
}
