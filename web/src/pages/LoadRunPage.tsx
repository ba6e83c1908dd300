import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { isLoadRunActive, loadRunErrorsCsvUrl, type LoadRunDetail } from '../api/integrations.api';
import { queries } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { QueryError } from '../components/QueryError';
import { StatusPill } from '../components/StatusPill';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { DeactivationDecision } from '../integrations/DeactivationDecision';
import { LoadRunActions } from '../integrations/LoadRunActions';
import { LoadRunStatusPill } from '../integrations/LoadRunStatusPill';
import { countOf, elapsed, formatDateTime, formatNumber } from '../lib/format';
import '../integrations/integrations.css';

const ERRORS_PAGE_SIZE = 50;
const COUNTS = [
  { key: 'fetched', label: 'Fetched' },
  { key: 'created', label: 'Created' },
  { key: 'updated', label: 'Updated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'failed', label: 'Failed' },
  { key: 'deactivated', label: 'Deactivated' },
] as const satisfies readonly { key: keyof LoadRunDetail; label: string }[];

/** A text field of the record a load mapped (email, names), or a dash. */
function recordText(record: Record<string, unknown> | null, key: string, empty = '—'): string {
  const value = record?.[key];
  return typeof value === 'string' && value !== '' ? value : empty;
}

const column = createColumnHelper<LoadRunDetail['errors'][number]>();
const errorColumns = [
  column.accessor('externalId', { header: 'External id', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => getValue() ?? <span className="text-muted">—</span> }),
  column.display({ id: 'email', header: 'Email', meta: { className: 'cell-truncate' }, cell: ({ row: { original: e } }) => recordText(e.record, 'email') }),
  column.display({
    id: 'name',
    header: 'Name',
    meta: { className: 'cell-nowrap' },
    cell: ({ row: { original: e } }) => [recordText(e.record, 'firstName', ''), recordText(e.record, 'lastName', '')].join(' ').trim() || '—',
  }),
  column.accessor('outcome', {
    header: 'Outcome',
    cell: ({ getValue }) => <StatusPill tone={getValue() === 'failed' ? 'down' : 'warn'}>{getValue() === 'failed' ? 'Failed' : 'Skipped'}</StatusPill>,
  }),
  column.accessor('reason', {
    header: 'Reason',
    cell: ({ row: { original: e } }) => <span title={e.record ? JSON.stringify(e.record, null, 2) : undefined}>{e.reason}</span>,
  }),
  column.accessor('pageIndex', {
    header: 'Page',
    meta: { className: 'cell-number', headerClassName: 'cell-number' },
    cell: ({ getValue }) => getValue() + 1,
  }),
];

export function LoadRunPage() {
  const { id = '', runId = '' } = useParams();
  const [errorsPage, setErrorsPage] = useState(1);
  const queryClient = useQueryClient();
  const integration = useQuery(queries.integration(id));
  const [search, setSearch] = useState('');
  const errorsQ = useDebouncedValue(search.trim(), 300) || undefined;
  const run = useQuery({
    ...queries.loadRun(id, runId, { errorsPage, errorsPageSize: ERRORS_PAGE_SIZE, errorsQ }),
    placeholderData: (previous) => previous,
  });

  const back = { to: `/integrations/${id}`, label: integration.data?.name ?? 'Integration' };
  const detail = run.data;
  if (!detail) {
    return (
      <div className="page">
        <PageHeader title="Run" description="" back={back} />
        {run.error ? <QueryError query={run} what="this run" /> : <p className="text-muted">Loading…</p>}
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={`Run of ${formatDateTime(detail.startedAt)}`}
        description={`${detail.trigger === 'manual' ? 'Started by Run now' : 'Started by the schedule'} · ${
          integration.data?.name ?? ''
        }`}
        back={back}
        actions={<LoadRunActions run={detail} onChanged={() => void queryClient.invalidateQueries({ queryKey: ['integrations'] })} />}
      />
      <QueryError query={run} what="this run" />

      <section className="card run-summary">
        <div className="run-status-line">
          <LoadRunStatusPill status={detail.status} title={detail.error ?? detail.warning ?? undefined} />
          <span className="text-muted" data-testid="run-progress">
            {isLoadRunActive(detail)
              ? `${countOf(detail.pagesDone, 'page')} · ${countOf(detail.fetched, 'record')} fetched · ${elapsed(detail.startedAt, null)}`
              : `${countOf(detail.pagesDone, 'page')} in ${elapsed(detail.startedAt, detail.finishedAt)} · finished ${formatDateTime(detail.finishedAt)}`}
          </span>
        </div>
        {isLoadRunActive(detail) && detail.status !== 'awaiting_confirmation' && (
          <div className="progress" role="progressbar" aria-label="Load in progress">
            <div className="progress-bar" />
          </div>
        )}
        {detail.error && <Notice tone="error">{detail.error}</Notice>}
        {detail.warning && <Notice tone="info">{detail.warning}</Notice>}
        {detail.waitingReason && <Notice tone="info">{detail.waitingReason}</Notice>}
        {detail.status === 'awaiting_confirmation' && (
          <DeactivationDecision integrationId={id} runId={runId} wouldDeactivate={detail.wouldDeactivate ?? 0} onDecided={() => void queryClient.invalidateQueries({ queryKey: ['integrations', id] })} />
        )}
        <div className="counts">
          {COUNTS.map(({ key, label }) => (
            <div key={key} className={detail[key] > 0 ? `count count-${key} count-nonzero` : 'count'} data-testid={`run-count-${key}`}>
              <span className="count-value">{formatNumber(detail[key])}</span>
              <span className="count-label">{label}</span>
            </div>
          ))}
        </div>
      </section>

      <section className="card">
        <h2 className="card-title">
          Error log <span className="text-muted">({formatNumber(detail.errorsTotal)})</span>
        </h2>
        {(detail.errorsTotal > 0 || errorsQ) && (
          <div className="toolbar">
            <input
              type="search"
              className="input toolbar-search"
              placeholder="Search id, email, name or reason"
              aria-label="Search the error log"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setErrorsPage(1);
              }}
            />
            <span className="toolbar-spacer" />
            <a className="btn" href={loadRunErrorsCsvUrl(id, runId, errorsQ)} download>
              Export CSV
            </a>
          </div>
        )}
        {detail.errorsTotal === 0 ? (
          <p className="text-muted">
            {errorsQ ? 'No entry matches this search.' : `No record was skipped or failed${isLoadRunActive(detail) ? ' so far' : ''}.`}
          </p>
        ) : (
          <>
            <DataTable
              data={detail.errors}
              columns={errorColumns}
              // An entry has no id of its own: where it sits on the page tells it apart.
              getRowId={(e, i) => `${e.pageIndex}-${e.externalId ?? ''}-${i}`}
              empty="No entry on this page."
              testId="run-errors-table"
              className="table-compact"
            />
            <Pager page={errorsPage} pageSize={ERRORS_PAGE_SIZE} total={detail.errorsTotal} onPage={setErrorsPage} />
          </>
        )}
      </section>
    </div>
  );
}
