import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper, type RowSelectionState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  clearSaasUserIntent,
  saasUsersCsvUrl,
  setSaasUserStatus,
  type SaasApp,
  type SaasUser,
  type SaasUserListQuery,
} from '../api/inventory.api';
import { queries } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable } from '../components/DataTable';
import { Notice } from '../components/Notice';
import { Pager } from '../components/Pager';
import { QueryError } from '../components/QueryError';
import { StatusPill } from '../components/StatusPill';
import { useConfirmedAction } from '../hooks/use-confirmed-action';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { countOf, formatDate, formatDateTime, formatNumber, formatRelative, fullName } from '../lib/format';
import { customFieldChoices, customFieldColumns } from './custom-field-columns';
import { CustomFieldFilter } from './CustomFieldFilter';
import { PAGE_SIZES, readSaasUserParams, writeSaasUserParams } from './saas-user-params';
import './inventory.css';

type Props = { apps: SaasApp[] };
type Bulk = { users: SaasUser[]; status: SaasUser['status'] };

const column = createColumnHelper<SaasUser>();
/** Stable while the first page loads, so the columns are not rebuilt on every render. */
const NO_LABELS: Record<string, string> = {};

const BASE_COLUMNS = [
  column.accessor('email', {
    id: 'email',
    header: 'Email / username',
    enableSorting: true,
    meta: { className: 'cell-truncate' },
    // Many apps use the email as the username; a second line only when they differ keeps the table narrow.
    cell: ({ row: { original: u } }) => (
      <span title={[u.email, u.username].filter(Boolean).join('\n')}>
        <Link to={`/inventory/saas-users/${u.id}`}>{u.email ?? u.username ?? u.externalId}</Link>
        {u.email && u.username && u.username !== u.email && <span className="cell-sub">{u.username}</span>}
      </span>
    ),
  }),
  column.display({
    id: 'name',
    header: 'Name',
    meta: { className: 'cell-truncate', headerClassName: 'col-name' },
    cell: ({ row: { original: u } }) => <span title={fullName(u)}>{fullName(u)}</span>,
  }),
  column.accessor('appName', {
    id: 'appName',
    header: 'App',
    enableSorting: true,
    meta: { className: 'cell-truncate', headerClassName: 'col-app' },
  }),
  column.accessor('role', {
    id: 'role',
    header: 'Role',
    enableSorting: true,
    meta: { className: 'cell-truncate', headerClassName: 'col-role' },
    cell: ({ getValue }) => getValue() ?? '—',
  }),
  column.accessor('status', {
    id: 'status',
    header: 'Status',
    meta: { headerClassName: 'col-status' },
    cell: ({ row: { original: u } }) => (
      <>
        <StatusPill tone={u.status === 'active' ? 'up' : 'neutral'}>{u.status === 'active' ? 'Active' : 'Deactivated'}</StatusPill>
        {u.manualStatus && (
          <div className="cell-sub">
            <StatusPill
              tone="warn"
              testId="manual-status"
              title={`Set by ${u.manualBy ?? 'an admin'} on ${formatDateTime(u.manualAt)}. Loads keep this status until ${u.appName} reports the same.`}
            >
              Pending: {u.manualStatus === 'active' ? 'restored' : 'deactivated'} by admin
            </StatusPill>
          </div>
        )}
      </>
    ),
  }),
  column.accessor('lastLoginAt', {
    id: 'lastLoginAt',
    header: 'Last login',
    enableSorting: true,
    meta: { className: 'cell-nowrap', headerClassName: 'col-date' },
    cell: ({ getValue }) => <span title={formatDateTime(getValue())}>{formatDate(getValue())}</span>,
  }),
  column.accessor('syncedAt', {
    id: 'syncedAt',
    header: 'Last synced',
    meta: { className: 'cell-nowrap', headerClassName: 'col-ago' },
    cell: ({ getValue }) => <span title={formatDateTime(getValue())}>{formatRelative(getValue())}</span>,
  }),
];

export function SaasUsersTab({ apps }: Props) {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const query = readSaasUserParams(params);
  const [search, setSearch] = useState(query.q ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [bulk, setBulk] = useState<Bulk>();
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkError, setBulkError] = useState<string>();

  /** Filter changes push a history entry (Back undoes them) and start again at page 1. */
  function apply(change: Partial<SaasUserListQuery>, options: { replace?: boolean } = {}) {
    const resetsPage = !('page' in change);
    setParams(writeSaasUserParams({ ...query, ...change, ...(resetsPage ? { page: 1 } : {}) }, params.get('tab')), options);
    setSelection({});
  }

  // Typing searches on pause and replaces the entry, so Back does not step through every letter.
  useEffect(() => {
    if ((query.q ?? '') !== q) apply({ q: q || undefined }, { replace: true });
    // `apply` reads the current URL; only the debounced text should trigger a search.
  }, [q]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['inventory'] });
  const toggle = useConfirmedAction(async (user: SaasUser) => {
    await setSaasUserStatus(user.id, user.status === 'active' ? 'deactivated' : 'active');
    await refresh();
  });
  const users = useQuery({ ...queries.saasUsers(query), placeholderData: keepPreviousData });
  const items = users.data?.items ?? [];
  const labels = users.data?.customFieldLabels ?? NO_LABELS;
  const columns = useMemo(
    () => [
      ...BASE_COLUMNS,
      ...customFieldColumns(items, labels),
      column.display({
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        meta: { className: 'cell-actions', headerClassName: 'col-action' },
        cell: ({ row: { original: u } }) => (
          <>
            {/* The short word fits the column; the accessible name says it is the record, not the account. */}
            <button type="button" className="btn btn-sm" aria-label={u.status === 'active' ? 'Deactivate record' : 'Restore record'} onClick={() => toggle.ask(u)}>
              {u.status === 'active' ? 'Deactivate' : 'Restore'}
            </button>
            {u.manualStatus && (
              <button type="button" className="btn btn-sm" onClick={() => dropIntent.ask(u)}>
                Drop intent
              </button>
            )}
          </>
        ),
      }),
    ],
    [items, labels],
  );

  const pending = toggle.pending;
  const dropIntent = useConfirmedAction(async (user: SaasUser) => {
    await clearSaasUserIntent(user.id);
    await refresh();
  });
  const selected = items.filter((u) => selection[u.id]);

  async function runBulk(action: Bulk) {
    setBulkBusy(true);
    setBulkError(undefined);
    const failed: string[] = [];
    for (const user of action.users) {
      // One PATCH per record: each is its own audited change, and one refusal does not stop the rest.
      await setSaasUserStatus(user.id, action.status).catch(() => failed.push(user.email ?? user.externalId));
    }
    if (failed.length > 0) setBulkError(`${countOf(failed.length, 'record')} could not be changed: ${failed.join(', ')}`);
    setBulkBusy(false);
    setBulk(undefined);
    setSelection({});
    await refresh();
  }

  const { app, q: text, status, role, lastLoginBefore, customField, customValue } = query;
  const filters = { app, q: text, status, role, lastLoginBefore, customField, customValue };
  const customFields = customFieldChoices([...items.flatMap((u) => Object.keys(u.custom)), ...(customField ? [customField] : [])], labels);

  return (
    <div className="stack">
      <div className="toolbar">
        <input
          type="search"
          className="input toolbar-search"
          placeholder="Search email, username or name"
          aria-label="Search SaaS users"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select className="input" aria-label="Filter by app" value={query.app ?? ''} onChange={(e) => apply({ app: e.target.value || undefined })}>
          <option value="">All apps</option>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({formatNumber(a.userCount)})
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Filter by status"
          value={query.status ?? ''}
          onChange={(e) => apply({ status: (e.target.value || undefined) as SaasUserListQuery['status'] })}
        >
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </select>
        {query.lastLoginBefore && (
          <button type="button" className="btn btn-sm filter-chip" onClick={() => apply({ lastLoginBefore: undefined })}>
            Last login before {formatDate(query.lastLoginBefore)} <span aria-hidden="true">×</span>
            <span className="visually-hidden">(remove this filter)</span>
          </button>
        )}
        {customFields.length > 0 && (
          <CustomFieldFilter
            fields={customFields}
            field={customField}
            value={customValue}
            onApply={(field, value) => apply({ customField: value ? field : undefined, customValue: value || undefined })}
          />
        )}
        <span className="toolbar-spacer" />
        <span className="toolbar-count" data-testid="saas-users-total">
          {users.data ? countOf(users.data.total, 'user') : users.error ? '' : 'Loading…'}
        </span>
        <a className="btn" href={saasUsersCsvUrl(filters)} download>
          Export CSV
        </a>
      </div>

      <QueryError query={users} what="the SaaS users" />
      {toggle.error && (
        <Notice tone="error" onDismiss={toggle.dismissError}>
          {toggle.error}
        </Notice>
      )}
      {dropIntent.error && (
        <Notice tone="error" onDismiss={dropIntent.dismissError}>
          {dropIntent.error}
        </Notice>
      )}
      {bulkError && (
        <Notice tone="error" onDismiss={() => setBulkError(undefined)}>
          {bulkError}
        </Notice>
      )}
      {selected.length > 0 && (
        <div className="bulk-bar" role="region" aria-label="Bulk actions">
          <span>{countOf(selected.length, 'record')} selected</span>
          <button type="button" className="btn btn-sm btn-danger-quiet" onClick={() => setBulk({ users: selected, status: 'deactivated' })}>
            Deactivate records
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setBulk({ users: selected, status: 'active' })}>
            Restore records
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setSelection({})}>
            Clear selection
          </button>
        </div>
      )}

      <DataTable
        data={items}
        columns={columns}
        getRowId={(u) => u.id}
        empty={users.data ? 'No SaaS users match these filters.' : users.error ? 'The SaaS users could not be loaded.' : 'Loading…'}
        testId="saas-users-table"
        className={customFields.length > 0 ? 'table-fixed table-wide' : 'table-fixed'}
        sort={{ id: query.sort ?? 'appName', desc: query.dir === 'desc' }}
        onSort={(sort) => apply({ sort: sort.id as SaasUserListQuery['sort'], dir: sort.desc ? 'desc' : 'asc' })}
        selection={selection}
        onSelection={setSelection}
      />
      {users.data && (
        <div className="pager-row">
          <label className="page-size">
            Rows per page
            <select className="input input-sm" value={query.pageSize} onChange={(e) => apply({ pageSize: Number(e.target.value) })}>
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <Pager page={query.page} pageSize={query.pageSize} total={users.data.total} onPage={(page) => apply({ page })} />
        </div>
      )}

      {pending && (
        <ConfirmDialog
          title={pending.status === 'active' ? 'Deactivate this record?' : 'Restore this record?'}
          confirmLabel={pending.status === 'active' ? 'Deactivate record' : 'Restore'}
          tone={pending.status === 'active' ? 'danger' : 'primary'}
          busy={toggle.busy}
          onConfirm={() => void toggle.confirm()}
          onCancel={toggle.cancel}
        >
          <p>
            <strong>{pending.email ?? pending.username ?? pending.externalId}</strong> in {pending.appName} will be
            marked {pending.status === 'active' ? 'deactivated' : 'active'} in the Rolecall inventory.
          </p>
          <p>
            This changes the inventory record only; the account in {pending.appName} stays as it is. The change stays
            pending, and loads keep it, until {pending.appName} reports the same status.
          </p>
        </ConfirmDialog>
      )}
      {dropIntent.pending && (
        <ConfirmDialog
          title="Drop the pending change?"
          confirmLabel="Drop intent"
          tone="primary"
          busy={dropIntent.busy}
          onConfirm={() => void dropIntent.confirm()}
          onCancel={dropIntent.cancel}
        >
          <p>
            The next load sets <strong>{dropIntent.pending.email ?? dropIntent.pending.username ?? dropIntent.pending.externalId}</strong>{' '}
            to the status {dropIntent.pending.appName} reports.
          </p>
        </ConfirmDialog>
      )}
      {bulk && (
        <ConfirmDialog
          title={`${bulk.status === 'deactivated' ? 'Deactivate' : 'Restore'} ${countOf(bulk.users.length, 'record')}?`}
          confirmLabel={`${bulk.status === 'deactivated' ? 'Deactivate' : 'Restore'} ${countOf(bulk.users.length, 'record')}`}
          tone={bulk.status === 'deactivated' ? 'danger' : 'primary'}
          busy={bulkBusy}
          onConfirm={() => void runBulk(bulk)}
          onCancel={() => setBulk(undefined)}
        >
          <p>
            {countOf(bulk.users.length, 'SaaS user record')} will be marked {bulk.status === 'deactivated' ? 'deactivated' : 'active'} in the
            Rolecall inventory. The accounts in the apps stay as they are.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
