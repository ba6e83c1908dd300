import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { queries } from '../api/queries';
import { useState } from 'react';
import { auditCsvUrl, type AuditFilter, type AuditPage as AuditEventPage } from '../api/audit.api';
import { DataTable } from '../components/DataTable';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { formatDateTime } from '../lib/format';

const PAGE_SIZE = 50;

const column = createColumnHelper<AuditEventPage['items'][number]>();
const columns = [
  column.accessor('at', { header: 'When', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => formatDateTime(getValue()) }),
  column.accessor('actorName', {
    header: 'Actor',
    cell: ({ row: { original: e } }) => <span title={e.actorId ?? e.actorKind}>{e.actorName}</span>,
  }),
  column.accessor('action', { header: 'Action', cell: ({ getValue }) => <code>{getValue()}</code> }),
  column.display({
    id: 'target',
    header: 'Target',
    meta: { className: 'cell-truncate' },
    cell: ({ row: { original: e } }) => (
      <span title={e.subjectId ?? ''}>
        {e.subjectType}
        {e.subjectId ? ` ${e.subjectId}` : ''}
      </span>
    ),
  }),
  column.accessor('details', { header: 'Details', meta: { className: 'cell-truncate' }, cell: ({ getValue }) => <code>{JSON.stringify(getValue())}</code> }),
];

/** A local `datetime-local` value as the ISO instant the API filters on. */
const toIso = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

/** Admins read who did what: every change, run, sign-in and failed sign-in. */
export function AuditPage() {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  // Debounced as one string: a fresh object each render would never settle.
  const typed = JSON.parse(useDebouncedValue(JSON.stringify({ actor, action, target }), 300)) as { actor: string; action: string; target: string };
  const filter: AuditFilter = {
    actor: typed.actor.trim() || undefined,
    action: typed.action.trim() || undefined,
    target: typed.target.trim() || undefined,
    from: toIso(from),
    to: toIso(to),
  };
  const events = useQuery(queries.audit({ ...filter, page, pageSize: PAGE_SIZE }));
  const change = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setPage(1);
  };

  return (
    <div className="page">
      <PageHeader title="Audit log" description="Who created, changed, launched, ran, approved or cancelled what; credential changes (never values); sign-ins; user and token changes." />
      {events.error && <Notice tone="error">{events.error.message}</Notice>}
      <div className="toolbar">
        <input className="input" aria-label="Actor (user or token id, or system name)" placeholder="Actor id or name" value={actor} onChange={change(setActor)} />
        <input className="input" aria-label="Action" placeholder="Action, e.g. credential." value={action} onChange={change(setAction)} />
        <input className="input" aria-label="Target" placeholder="Target, e.g. integration:<id>" value={target} onChange={change(setTarget)} />
        <input className="input" type="datetime-local" aria-label="From" value={from} onChange={change(setFrom)} />
        <input className="input" type="datetime-local" aria-label="To" value={to} onChange={change(setTo)} />
        <span className="toolbar-spacer" />
        <a className="btn" href={auditCsvUrl(filter)} download>
          Export CSV
        </a>
      </div>
      {events.data && (
        <>
          <DataTable data={events.data.items} columns={columns} getRowId={(e) => e.id} empty="No event matches these filters." testId="audit-table" />
          <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
