import { useState } from 'react';
import {
  clearSaasUserIntent,
  listSaasUsers,
  saasUsersCsvUrl,
  setSaasUserStatus,
  type SaasApp,
  type SaasUser,
  type SaasUserFilters,
  type SaasUserStatus,
} from '../api/inventory.api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { Pager } from '../components/Pager';
import { StatusPill } from '../components/StatusPill';
import { useApiData } from '../hooks/use-api-data';
import { useConfirmedAction } from '../hooks/use-confirmed-action';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { formatDate, formatDateTime, formatNumber, formatRelative, fullName } from '../lib/format';
import './inventory.css';

const PAGE_SIZE = 50;

/** `initialApp`: the app to filter by first (`?app=<id>`, linked from an integration). */
type Props = { apps: SaasApp[]; onChanged: () => void; initialApp?: string };

export function SaasUsersTab({ apps, onChanged, initialApp = '' }: Props) {
  const [app, setApp] = useState(initialApp);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<SaasUserStatus | ''>('');
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim(), 300);

  const filters: SaasUserFilters = { app: app || undefined, q: q || undefined, status: status || undefined };
  const users = useApiData(
    (signal) => listSaasUsers({ ...filters, page, pageSize: PAGE_SIZE }, signal),
    [app, q, status, page],
  );

  // Any filter change starts again at the first page.
  function changeFilter(apply: () => void) {
    apply();
    setPage(1);
  }

  const toggle = useConfirmedAction(async (user: SaasUser) => {
    await setSaasUserStatus(user.id, user.status === 'active' ? 'deactivated' : 'active');
    users.reload();
    onChanged();
  });
  const pending = toggle.pending;
  const dropIntent = useConfirmedAction(async (user: SaasUser) => {
    await clearSaasUserIntent(user.id);
    users.reload();
    onChanged();
  });

  return (
    <div className="stack">
      <div className="toolbar">
        <input
          type="search"
          className="input toolbar-search"
          placeholder="Search email, username or name"
          aria-label="Search SaaS users"
          value={search}
          onChange={(e) => changeFilter(() => setSearch(e.target.value))}
        />
        <select className="input" aria-label="Filter by app" value={app} onChange={(e) => changeFilter(() => setApp(e.target.value))}>
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
          value={status}
          onChange={(e) => changeFilter(() => setStatus(e.target.value as SaasUserStatus | ''))}
        >
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </select>
        <span className="toolbar-spacer" />
        <span className="toolbar-count" data-testid="saas-users-total">
          {users.data ? `${formatNumber(users.data.total)} users` : 'Loading…'}
        </span>
        <a className="btn" href={saasUsersCsvUrl(filters)} download>
          Export CSV
        </a>
      </div>

      {users.error && <Notice tone="error">{users.error}</Notice>}
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

      <div className="table-card">
        <table className="table table-fixed" data-testid="saas-users-table">
          <colgroup>
            <col />
            <col className="col-name" />
            <col className="col-app" />
            <col className="col-role" />
            <col className="col-status" />
            <col className="col-date" />
            <col className="col-ago" />
            <col className="col-action" />
          </colgroup>
          <thead>
            <tr>
              <th>Email / username</th>
              <th>Name</th>
              <th>App</th>
              <th>Role</th>
              <th>Status</th>
              <th>Last login</th>
              <th>Last synced</th>
              <th className="cell-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                {/* Many apps use the email as the username; a second line only when they differ keeps the table narrow. */}
                <td className="cell-truncate" title={[u.email, u.username].filter(Boolean).join('\n')}>
                  {u.email ?? u.username ?? '—'}
                  {u.email && u.username && u.username !== u.email && <div className="cell-sub">{u.username}</div>}
                </td>
                <td className="cell-truncate" title={fullName(u)}>
                  {fullName(u)}
                </td>
                <td className="cell-truncate" title={u.appName}>
                  {u.appName}
                </td>
                <td className="cell-truncate" title={u.role ?? undefined}>
                  {u.role ?? '—'}
                </td>
                <td>
                  <StatusPill tone={u.status === 'active' ? 'up' : 'neutral'}>
                    {u.status === 'active' ? 'Active' : 'Deactivated'}
                  </StatusPill>
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
                </td>
                <td className="cell-nowrap" title={formatDateTime(u.lastLoginAt)}>
                  {formatDate(u.lastLoginAt)}
                </td>
                <td className="cell-nowrap" title={formatDateTime(u.syncedAt)}>
                  {formatRelative(u.syncedAt)}
                </td>
                <td className="cell-actions">
                  <button type="button" className="btn btn-sm" onClick={() => toggle.ask(u)}>
                    {u.status === 'active' ? 'Deactivate record' : 'Restore'}
                  </button>
                  {u.manualStatus && (
                    <button type="button" className="btn btn-sm" onClick={() => dropIntent.ask(u)}>
                      Drop intent
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {users.data?.items.length === 0 && (
              <tr>
                <td colSpan={8} className="table-empty">
                  No SaaS users match these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {users.data && <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onPage={setPage} />}

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
    </div>
  );
}
