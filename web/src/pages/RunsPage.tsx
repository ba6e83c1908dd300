import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useSearchParams } from 'react-router-dom';
import { queries } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { QueryError } from '../components/QueryError';
import { LoadRunStatusPill } from '../integrations/LoadRunStatusPill';
import { scheduleSummary } from '../integrations/integration-labels';
import { countOf, elapsed, formatDateTime } from '../lib/format';
import { RUN_STATUSES, RUNS_PAGE_SIZE, runFilters } from '../runs/run-filters';
import { toRunRows, type RunRow } from '../runs/run-rows';
import { WORKFLOW_RUN_TRIGGER_LABELS, workflowRunProgress } from '../runs/workflow-run-labels';
import { WorkflowRunStatusPill } from '../runs/WorkflowRunStatusPill';
import { workflowPath, workflowRunPath } from '../workflows/workflow-paths';

const column = createColumnHelper<RunRow>();

/** User loads and workflow runs, newest first; filters live in the URL so Back and shared links work. */
export function RunsPage() {
  const [params, setParams] = useSearchParams();
  const filters = runFilters(params);
  const runs = useQuery({ ...queries.allRuns(filters.query ?? { page: 1, pageSize: 1 }), enabled: filters.query !== null, placeholderData: keepPreviousData });
  const integrations = useQuery(queries.integrations());
  const workflows = useQuery({ ...queries.workflows(), enabled: filters.source !== 'loads' });
  const integrationOf = (id: string) => integrations.data?.find((i) => i.id === id);
  const workflowName = (id: string) => workflows.data?.find((w) => w.id === id)?.name ?? 'Workflow';

  // Filters no run can match have nothing to wait for.
  const page = filters.query ? runs.data : { items: [], total: 0 };
  const rows = page ? toRunRows(page.items, workflowName) : [];

  function filter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  }

  const columns = [
    column.accessor('at', {
      header: 'Started',
      meta: { className: 'cell-nowrap' },
      cell: ({ row: { original: r } }) =>
        r.kind === 'load' ? <Link to={`/integrations/${r.run.integrationId}/runs/${r.run.id}`}>{formatDateTime(r.at)}</Link> : <Link to={workflowRunPath(r.run.workflowId, r.run.id)}>{formatDateTime(r.at)}</Link>,
    }),
    column.display({
      id: 'source',
      header: 'Source',
      cell: ({ row: { original: r } }) =>
        r.kind === 'load' ? (
          <>
            <Link to={`/integrations/${r.run.integrationId}`}>{r.run.integrationName}</Link>
            <div className="cell-sub">Load run</div>
          </>
        ) : (
          <>
            <Link to={workflowPath(r.run.workflowId)}>{r.workflowName}</Link>
            <div className="cell-sub">
              Workflow run · {r.run.versionNumber === null ? 'draft' : `v${r.run.versionNumber}`} · {r.run.mode === 'dryRun' ? 'Dry run' : 'Live'}
            </div>
          </>
        ),
    }),
    column.display({
      id: 'trigger',
      header: 'Trigger',
      cell: ({ row: { original: r } }) =>
        r.kind === 'load' ? (r.run.trigger === 'manual' ? 'Run now' : 'Schedule') : WORKFLOW_RUN_TRIGGER_LABELS[r.run.trigger.kind],
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: r } }) => (r.kind === 'load' ? <LoadRunStatusPill status={r.run.status} /> : <WorkflowRunStatusPill status={r.run.status} />),
    }),
    column.display({
      id: 'outcome',
      header: 'Outcome',
      meta: { className: 'cell-reason' },
      cell: ({ row: { original: r } }) => {
        if (r.run.status === 'failed') {
          const reason = r.kind === 'load' ? r.run.error : r.run.message;
          return <span className="text-error">{reason ?? 'Failed'}</span>;
        }
        if (r.kind === 'load') {
          const run = r.run;
          return `${countOf(run.fetched, 'record')} · ${run.created} created · ${run.updated} updated · ${run.failed} failed · ${elapsed(run.startedAt, run.finishedAt)}`;
        }
        const finished = r.run.finishedAt ? ` · finished ${formatDateTime(r.run.finishedAt)}` : '';
        return `${workflowRunProgress(r.run)}${finished}`;
      },
    }),
    column.display({
      id: 'next',
      header: 'Next scheduled',
      meta: { className: 'cell-nowrap' },
      cell: ({ row: { original: r } }) => {
        if (r.kind === 'workflow') return <span className="text-muted">—</span>;
        const integration = integrationOf(r.run.integrationId);
        if (r.run.nextScheduledAt) {
          return <span title={integration ? scheduleSummary(integration.schedule) : undefined}>{formatDateTime(r.run.nextScheduledAt)}</span>;
        }
        return <span className="text-muted">{integration?.status === 'paused' ? 'Paused' : 'Not launched'}</span>;
      },
    }),
  ];

  return (
    <div className="page">
      <PageHeader title="Runs" description="Every user load and workflow run: what started it, how it went, and why it failed." />
      <div className="toolbar">
        <select className="input" aria-label="Filter by source" value={filters.source === 'all' ? '' : filters.source} onChange={(e) => filter('source', e.target.value)}>
          <option value="">All runs</option>
          <option value="loads">User loads</option>
          <option value="workflows">Workflows</option>
        </select>
        {filters.source !== 'workflows' && (
          <select className="input" aria-label="Filter by integration" value={filters.integrationId ?? ''} onChange={(e) => filter('integration', e.target.value)}>
            <option value="">All integrations</option>
            {integrations.data?.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
        {filters.source !== 'loads' && (
          <select className="input" aria-label="Filter by workflow" value={filters.workflowId ?? ''} onChange={(e) => filter('workflow', e.target.value)}>
            <option value="">All workflows</option>
            {workflows.data?.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        )}
        <select className="input" aria-label="Filter by status" value={filters.status ?? ''} onChange={(e) => filter('status', e.target.value)}>
          <option value="">Any status</option>
          {Object.entries(RUN_STATUSES).map(([value, s]) => (
            <option key={value} value={value}>
              {filters.source === 'all' && s.only ? `${s.label} (${s.only})` : s.label}
            </option>
          ))}
        </select>
        <select className="input" aria-label="Filter by trigger" value={filters.trigger ?? ''} onChange={(e) => filter('trigger', e.target.value)}>
          <option value="">Any trigger</option>
          <option value="manual">Run now</option>
          <option value="schedule">Schedule</option>
          <option value="event">Event{filters.source === 'all' ? ' (workflows)' : ''}</option>
        </select>
        <span className="toolbar-spacer" />
        <span className="toolbar-count" data-testid="runs-total">
          {page ? countOf(page.total, 'run') : runs.error ? '' : 'Loading…'}
        </span>
      </div>
      <QueryError query={runs} what="the runs" />
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        empty={
          page
            ? 'No run matches these filters. Runs appear when an integration loads or a workflow runs, on a schedule or by Run now.'
            : runs.error
              ? 'The runs could not be loaded.'
              : 'Loading…'
        }
        testId="runs-table"
      />
      {page && (
        <Pager
          page={filters.page}
          pageSize={RUNS_PAGE_SIZE}
          total={page.total}
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
