import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useSearchParams } from 'react-router-dom';
import type { LoadRunListItem, LoadRunListQuery, LoadRunStatus } from '../api/integrations.api';
import { queries } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { QueryError } from '../components/QueryError';
import { LoadRunStatusPill } from '../integrations/LoadRunStatusPill';
import { scheduleSummary } from '../integrations/integration-labels';
import { countOf, elapsed, formatDateTime } from '../lib/format';

const PAGE_SIZE = 50;
const STATUSES: { value: LoadRunStatus; label: string }[] = [
  { value: 'running', label: 'Running' },
  { value: 'queued', label: 'Queued' },
  { value: 'awaiting_confirmation', label: 'Awaiting confirmation' },
  { value: 'completed', label: 'Completed' },
  { value: 'completed_with_warnings', label: 'Completed with warnings' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

const column = createColumnHelper<LoadRunListItem>();

/** Runs of every integration, newest first; filters live in the URL so Back and shared links work. */
export function RunsPage() {
  const [params, setParams] = useSearchParams();
  const query: LoadRunListQuery = {
    integrationId: params.get('integration') || undefined,
    status: (STATUSES.find((s) => s.value === params.get('status'))?.value),
    trigger: params.get('trigger') === 'manual' || params.get('trigger') === 'schedule' ? (params.get('trigger') as 'manual' | 'schedule') : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const runs = useQuery({ ...queries.allLoadRuns(query), placeholderData: keepPreviousData });
  const integrations = useQuery(queries.integrations());
  const integrationOf = (id: string) => integrations.data?.find((i) => i.id === id);

  function filter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  }

  const columns = [
    column.accessor('startedAt', {
      header: 'Started',
      meta: { className: 'cell-nowrap' },
      cell: ({ row: { original: r } }) => <Link to={`/integrations/${r.integrationId}/runs/${r.id}`}>{formatDateTime(r.startedAt)}</Link>,
    }),
    column.accessor('integrationName', {
      header: 'Source',
      cell: ({ row: { original: r } }) => (
        <>
          <Link to={`/integrations/${r.integrationId}`}>{r.integrationName}</Link>
          <div className="cell-sub">Load run</div>
        </>
      ),
    }),
    column.accessor('trigger', { header: 'Trigger', cell: ({ getValue }) => (getValue() === 'manual' ? 'Run now' : 'Schedule') }),
    column.accessor('status', { header: 'Status', cell: ({ getValue }) => <LoadRunStatusPill status={getValue()} /> }),
    column.display({
      id: 'outcome',
      header: 'Outcome',
      meta: { className: 'cell-reason' },
      cell: ({ row: { original: r } }) =>
        r.status === 'failed' ? (
          <span className="text-error">{r.error ?? 'Failed'}</span>
        ) : (
          `${countOf(r.fetched, 'record')} · ${r.created} created · ${r.updated} updated · ${r.failed} failed · ${elapsed(r.startedAt, r.finishedAt)}`
        ),
    }),
    column.display({
      id: 'next',
      header: 'Next scheduled',
      meta: { className: 'cell-nowrap' },
      cell: ({ row: { original: r } }) => {
        const integration = integrationOf(r.integrationId);
        if (r.nextScheduledAt) {
          return <span title={integration ? scheduleSummary(integration.schedule) : undefined}>{formatDateTime(r.nextScheduledAt)}</span>;
        }
        return <span className="text-muted">{integration?.status === 'paused' ? 'Paused' : 'Not launched'}</span>;
      },
    }),
  ];

  return (
    <div className="page">
      <PageHeader title="Runs" description="Every load of every integration: what started it, how it went, and why it failed." />
      <div className="toolbar">
        <select className="input" aria-label="Filter by source" value={query.integrationId ?? ''} onChange={(e) => filter('integration', e.target.value)}>
          <option value="">All sources</option>
          {integrations.data?.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
        <select className="input" aria-label="Filter by status" value={query.status ?? ''} onChange={(e) => filter('status', e.target.value)}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select className="input" aria-label="Filter by trigger" value={query.trigger ?? ''} onChange={(e) => filter('trigger', e.target.value)}>
          <option value="">Any trigger</option>
          <option value="manual">Run now</option>
          <option value="schedule">Schedule</option>
        </select>
        <span className="toolbar-spacer" />
        <span className="toolbar-count" data-testid="runs-total">
          {runs.data ? countOf(runs.data.total, 'run') : runs.error ? '' : 'Loading…'}
        </span>
      </div>
      <QueryError query={runs} what="the runs" />
      <DataTable
        data={runs.data?.items ?? []}
        columns={columns}
        getRowId={(r) => r.id}
        empty={runs.data ? 'No run matches these filters. Runs appear when an integration loads, on its schedule or by Run now.' : runs.error ? 'The runs could not be loaded.' : 'Loading…'}
        testId="runs-table"
      />
      {runs.data && (
        <Pager
          page={query.page}
          pageSize={PAGE_SIZE}
          total={runs.data.total}
          onPage={(page) => {
            const next = new URLSearchParams(params);
            next.set('page', String(page));
            setParams(next);
          }}
        />
      )}
    </div>
  );
}
