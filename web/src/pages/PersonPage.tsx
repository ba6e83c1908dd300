import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useParams } from 'react-router-dom';
import type { SaasUser } from '../api/inventory.api';
import { queries } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { StatusPill } from '../components/StatusPill';
import { HistoryList } from '../inventory/HistoryList';
import { countOf, formatDate, fullName } from '../lib/format';
import '../inventory/inventory.css';

const column = createColumnHelper<SaasUser>();
const accountColumns = [
  column.accessor('appName', { header: 'App', cell: ({ row: { original: a } }) => <Link to={`/inventory/saas-users/${a.id}`}>{a.appName}</Link> }),
  column.display({ id: 'login', header: 'Email / username', cell: ({ row: { original: a } }) => a.email ?? a.username ?? a.externalId }),
  column.accessor('role', { header: 'Role', cell: ({ getValue }) => getValue() ?? '—' }),
  column.accessor('status', {
    header: 'Status',
    cell: ({ getValue }) => <StatusPill tone={getValue() === 'active' ? 'up' : 'neutral'}>{getValue() === 'active' ? 'Active' : 'Deactivated'}</StatusPill>,
  }),
  column.accessor('lastLoginAt', { header: 'Last login', cell: ({ getValue }) => formatDate(getValue()) }),
];

/** A person across apps: every account, and what happened to them and to each account. */
export function PersonPage() {
  const { id = '' } = useParams();
  const person = useQuery(queries.person(id));
  const accounts = useQuery(queries.saasUsers({ personId: id, page: 1, pageSize: 100 }));
  const history = useQuery(queries.personHistory(id));
  const p = person.data;
  const back = { to: '/inventory?tab=people', label: 'People' };

  if (!p) {
    return (
      <div className="page">
        <PageHeader title="Person" description="" back={back} />
        {person.error ? <QueryError query={person} what="this person" /> : <p className="text-muted">Loading…</p>}
      </div>
    );
  }
  const accountName = (saasUserId: string) => accounts.data?.items.find((a) => a.id === saasUserId)?.appName;

  return (
    <div className="page">
      <PageHeader
        title={fullName(p) === '—' ? (p.email ?? 'Person') : fullName(p)}
        description={<>{p.email ?? 'No email'} · {countOf(p.saasUserCount, 'account')}</>}
        back={back}
      />
      <section className="card" aria-labelledby="accounts-title">
        <h2 className="card-title" id="accounts-title">
          Accounts across apps
        </h2>
        <QueryError query={accounts} what="the accounts" />
        {/* Rendered once loaded, so the rows counted are accounts, never a "Loading…" row. */}
        {accounts.data ? (
          <DataTable data={accounts.data.items} columns={accountColumns} getRowId={(a) => a.id} empty="No account in any app." testId="person-accounts" className="table-compact" />
        ) : (
          !accounts.error && <p className="text-muted">Loading…</p>
        )}
      </section>
      <section className="card" aria-labelledby="person-history-title">
        <h2 className="card-title" id="person-history-title">
          Status history
        </h2>
        <p className="text-muted">
          Status: {p.status === 'active' ? 'active' : `offboarded ${formatDate(p.offboardedAt)}`}. Changes by loads, admins and workflows:
        </p>
        <QueryError query={history} what="the history" />
        {history.data && <HistoryList events={history.data} accountName={accountName} />}
      </section>
    </div>
  );
}
