import { createColumnHelper } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router-dom';
import type { LoadRunView } from '../api/integrations.api';
import { DataTable } from '../components/DataTable';
import { elapsed, formatDateTime, formatNumber } from '../lib/format';
import { LoadRunStatusPill } from './LoadRunStatusPill';

const COUNTS = ['fetched', 'created', 'updated', 'unchanged', 'skipped', 'failed', 'deactivated'] as const;
const NUMBER = { className: 'cell-number', headerClassName: 'cell-number' };
const runPath = (run: LoadRunView) => `/integrations/${run.integrationId}/runs/${run.id}`;

const column = createColumnHelper<LoadRunView>();
const columns = [
  column.accessor('startedAt', {
    header: 'Started',
    meta: { className: 'cell-nowrap' },
    // The link is the keyboard way in; the row click is the mouse shortcut.
    cell: ({ row: { original: run } }) => (
      <Link to={runPath(run)} onClick={(e) => e.stopPropagation()}>
        {formatDateTime(run.startedAt)}
      </Link>
    ),
  }),
  column.accessor('trigger', { header: 'Trigger', cell: ({ getValue }) => (getValue() === 'manual' ? 'Run now' : 'Schedule') }),
  column.accessor('status', {
    header: 'Status',
    cell: ({ row: { original: run } }) => <LoadRunStatusPill status={run.status} title={run.error ?? run.warning ?? undefined} />,
  }),
  ...COUNTS.map((c) => column.accessor(c, { header: c[0]?.toUpperCase() + c.slice(1), meta: NUMBER, cell: ({ getValue }) => formatNumber(getValue()) })),
  column.display({
    id: 'duration',
    header: 'Duration',
    meta: { className: 'cell-number cell-nowrap', headerClassName: 'cell-number' },
    cell: ({ row: { original: run } }) => elapsed(run.startedAt, run.finishedAt),
  }),
];

/** Runs newest first; a row opens its run page. */
export function LoadRunsTable({ runs }: { runs: LoadRunView[] }) {
  const navigate = useNavigate();
  if (runs.length === 0) {
    return <p className="text-muted">No runs yet. Run now starts one; a launched integration also runs on its schedule.</p>;
  }
  return (
    <DataTable
      data={runs}
      columns={columns}
      getRowId={(run) => run.id}
      empty="No runs yet."
      testId="runs-table"
      className="table-compact"
      onRowClick={(run) => navigate(runPath(run))}
    />
  );
}
