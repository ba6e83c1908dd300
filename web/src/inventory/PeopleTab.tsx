import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { setPersonStatus, type Person, type PersonStatus } from '../api/inventory.api';
import { queries } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { Pager } from '../components/Pager';
import { QueryError } from '../components/QueryError';
import { StatusPill } from '../components/StatusPill';
import { useConfirmedAction } from '../hooks/use-confirmed-action';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { countOf, formatNumber, fullName } from '../lib/format';

const PAGE_SIZE = 50;

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

      <div className="table-card">
        <table className="table" data-testid="people-table">
          <thead>
            <tr>
              <th>Email</th>
              <th>Name</th>
              <th>Role</th>
              <th>Status</th>
              <th className="cell-number">SaaS accounts</th>
              <th className="cell-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.data?.items.map((p) => (
              <tr key={p.id}>
                <td className="cell-truncate" title={p.email ?? undefined}>
                  {p.email ?? '—'}
                </td>
                <td className="cell-truncate">
                  <Link to={`/inventory/people/${p.id}`}>{fullName(p) === '—' ? 'Open' : fullName(p)}</Link>
                </td>
                <td className="cell-truncate">{p.role ?? '—'}</td>
                <td>
                  <StatusPill tone={p.status === 'active' ? 'up' : 'neutral'}>
                    {p.status === 'active' ? 'Active' : 'Offboarded'}
                  </StatusPill>
                </td>
                <td className="cell-number">{formatNumber(p.saasUserCount)}</td>
                <td className="cell-actions">
                  <button type="button" className="btn btn-sm" onClick={() => toggle.ask(p)}>
                    {p.status === 'active' ? 'Offboard' : 'Restore'}
                  </button>
                </td>
              </tr>
            ))}
            {people.data?.items.length === 0 && (
              <tr>
                <td colSpan={6} className="table-empty">
                  No people match these filters. People are created by loads with the “User” or “User plus SaaS
                  user” selection.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
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
