import type { GraphDraft } from '@rolecall/workflows/graph';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router-dom';
import { queries } from '../api/queries';
import { isWorkflowRunActive, type RunView } from '../api/workflow-runs.api';
import { workflowRunRecordsCsvUrl, type RunRecordView } from '../api/workflows.api';
import { DataTable } from '../components/DataTable';
import { Pager } from '../components/Pager';
import { QueryError } from '../components/QueryError';
import { StatusPill, type PillTone } from '../components/StatusPill';
import { countOf, formatDateTime } from '../lib/format';
import { RECORDS_PAGE_SIZE, type RecordFilter } from './record-filter';
import { blockNames, outcomeLabel } from './run-blocks';

type Props = {
  run: RunView;
  graph: GraphDraft | null;
  filter: RecordFilter;
  onFilter: (change: Partial<RecordFilter>) => void;
};

const TONES: Record<string, PillTone> = { error: 'down', held: 'warn', claimed: 'info', success: 'up' };
const column = createColumnHelper<RunRecordView>();

/** What each block decided for each user, filtered by block and outcome, with the vendor's answer on failures. */
export function RunRecordsTable({ run, graph, filter, onFilter }: Props) {
  const active = isWorkflowRunActive(run);
  const records = useQuery({
    ...queries.workflowRunRecords(run.id, { nodeId: filter.nodeId, outcome: filter.outcome, page: filter.page, pageSize: RECORDS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: active ? 2000 : false,
  });
  const names = blockNames(graph);
  const nodeIds = graph ? graph.nodes.map((n) => n.id).filter((id) => run.nodes[id]) : Object.keys(run.nodes);
  const outcomes = [...new Set((filter.nodeId ? [filter.nodeId] : nodeIds).flatMap((id) => Object.keys(run.nodes[id] ?? {})))];

  const columns = [
    column.accessor('email', {
      header: 'User',
      cell: ({ row: { original: r } }) => <Link to={`/inventory/saas-users/${r.saasUserId}`}>{r.email ?? r.externalId ?? 'Unnamed user'}</Link>,
    }),
    column.accessor('nodeId', { header: 'Block', cell: ({ getValue }) => names.get(getValue()) ?? getValue() }),
    column.accessor('outcome', {
      header: 'Outcome',
      cell: ({ row: { original: r } }) => <StatusPill tone={TONES[r.outcome] ?? 'neutral'}>{outcomeLabel(graph, r.nodeId, r.outcome)}</StatusPill>,
    }),
    column.accessor('vendorStatus', {
      header: 'Vendor status',
      meta: { className: 'cell-number' },
      cell: ({ getValue }) => getValue() ?? <span className="text-muted">—</span>,
    }),
    column.accessor('message', {
      header: 'Message',
      meta: { className: 'cell-reason' },
      cell: ({ getValue }) => getValue() ?? <span className="text-muted">—</span>,
    }),
    column.accessor('at', { header: 'At', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => formatDateTime(getValue()) }),
  ];

  const total = records.data?.total;
  return (
    <section className="card" aria-labelledby="run-records-title">
      <h2 className="card-title" id="run-records-title">
        Records {total !== undefined && <span className="text-muted">({countOf(total, 'record')})</span>}
      </h2>
      <div className="toolbar">
        <select className="input" aria-label="Filter by block" value={filter.nodeId ?? ''} onChange={(e) => onFilter({ nodeId: e.target.value || undefined, outcome: undefined })}>
          <option value="">Every block</option>
          {nodeIds.map((id) => (
            <option key={id} value={id}>
              {names.get(id) ?? id}
            </option>
          ))}
        </select>
        <select className="input" aria-label="Filter by outcome" value={filter.outcome ?? ''} onChange={(e) => onFilter({ outcome: e.target.value || undefined })}>
          <option value="">Any outcome</option>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {filter.nodeId ? outcomeLabel(graph, filter.nodeId, o) : o}
            </option>
          ))}
        </select>
        <span className="toolbar-spacer" />
        {/* The CSV of what the table shows: the same node and outcome, every page. */}
        <a className="btn" href={workflowRunRecordsCsvUrl(run.id, { nodeId: filter.nodeId, outcome: filter.outcome })} download>
          Export CSV
        </a>
      </div>
      <QueryError query={records} what="the run's records" />
      <DataTable
        data={records.data?.items ?? []}
        columns={columns}
        getRowId={(r) => `${r.nodeId}:${r.saasUserId}`}
        empty={
          records.data
            ? filter.nodeId || filter.outcome
              ? 'No record matches these filters.'
              : active
                ? 'No record has been decided yet.'
                : 'This run decided nothing: its population was empty.'
            : records.error
              ? 'The records could not be loaded.'
              : 'Loading…'
        }
        testId="run-records-table"
      />
      {total !== undefined && <Pager page={filter.page} pageSize={RECORDS_PAGE_SIZE} total={total} onPage={(page) => onFilter({ page })} />}
    </section>
  );
}
