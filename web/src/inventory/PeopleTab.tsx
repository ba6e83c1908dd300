import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { setPersonStatus, type Person, type PersonStatus } from '../api/inventory.api';
import { queries } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable } from '../components/DataTable';
import { Notice } from '../components/Notice';
import { Pager } from '../components/Pager';
import { QueryError } from '../components/QueryError';
import { StatusPill } from '../components/StatusPill';
import { useConfirmedAction } from '../hooks/use-confirmed-action';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { countOf, formatNumber, fullName } from '../lib/format';

const PAGE_SIZE = 50;
const column = createColumnHelper<Person>();

export function PeopleTab() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<PersonStatus | ''>('');
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim(), 300);

  const queryClient = useQueryClient();
  const people = useQuery({
    ...queries.people({ q: q || undefined, status: status || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });

  const toggle = useConfirmedAction(async (person: Person) => {
    await setPersonStatus(person.id, person.status === 'active' ? 'offboarded' : 'active');
    await queryClient.invalidateQueries({ queryKey: ['inventory'] });
  });
  const pending = toggle.pending;

  const columns = [
    column.accessor('email', {
      header: 'Email',
      meta: { className: 'cell-truncate' },
      cell: ({ getValue }) => <span title={getValue() ?? undefined}>{getValue() ?? '—'}</span>,
    }),
    column.display({
      id: 'name',
      header: 'Name',
      meta: { className: 'cell-truncate' },
      cell: ({ row: { original: p } }) => <Link to={`/inventory/people/${p.id}`}>{fullName(p) === '—' ? 'Open' : fullName(p)}</Link>,
    }),
    column.accessor('role', { header: 'Role', meta: { className: 'cell-truncate' }, cell: ({ getValue }) => getValue() ?? '—' }),
    column.accessor('status', {
      header: 'Status',
      cell: ({ getValue }) => <StatusPill tone={getValue() === 'active' ? 'up' : 'neutral'}>{getValue() === 'active' ? 'Active' : 'Offboarded'}</StatusPill>,
    }),
    column.accessor('saasUserCount', {
      header: 'SaaS accounts',
      meta: { className: 'cell-number', headerClassName: 'cell-number' },
      cell: ({ getValue }) => formatNumber(getValue()),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      meta: { className: 'cell-actions', headerClassName: 'cell-actions' },
      cell: ({ row: { original: p } }) => (
        <button type="button" className="btn btn-sm" onClick={() => toggle.ask(p)}>
          {p.status === 'active' ? 'Offboard' : 'Restore'}
        </button>
      ),
    }),
  ];

  return (
    <div className="stack">
      <div className="toolbar">
        <input
          type="search"
          className="input toolbar-search"
          placeholder="Search email or name"
          aria-label="Search people"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        <select
          className="input"
          aria-label="Filter by status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as PersonStatus | '');
            setPage(1);
          }}
        >
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="offboarded">Offboarded</option>
        </select>
        <span className="toolbar-spacer" />
        <span className="toolbar-count" data-testid="people-total">
          {people.data ? countOf(people.data.total, 'person', 'people') : people.error ? '' : 'Loading…'}
        </span>
      </div>

      <QueryError query={people} what="the people" />
      {toggle.error && (
        <Notice tone="error" onDismiss={toggle.dismissError}>
          {toggle.error}
        </Notice>
      )}

      <DataTable
        data={people.data?.items ?? []}
        columns={columns}
        getRowId={(p) => p.id}
        empty={
          people.data
            ? 'No people match these filters. People are created by loads with the “User” or “User plus SaaS user” selection.'
            : people.error
              ? 'The people could not be loaded.'
              : 'Loading…'
        }
        testId="people-table"
      />
      {people.data && <Pager page={page} pageSize={PAGE_SIZE} total={people.data.total} onPage={setPage} />}

      {pending && (
        <ConfirmDialog
          title={pending.status === 'active' ? 'Offboard this person?' : 'Restore this person?'}
          confirmLabel={pending.status === 'active' ? 'Offboard' : 'Restore'}
          tone={pending.status === 'active' ? 'danger' : 'primary'}
          busy={toggle.busy}
          onConfirm={() => void toggle.confirm()}
          onCancel={toggle.cancel}
        >
          {pending.status === 'active' ? (
            <p>
              <strong>{pending.email ?? fullName(pending)}</strong> will be marked offboarded. This emits{' '}
              <code>person.offboarded</code>, which starts every launched offboarding workflow for them.
            </p>
          ) : (
            <p>
              <strong>{pending.email ?? fullName(pending)}</strong> will be marked active again. Accounts already
              removed by offboarding workflows are not restored.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
