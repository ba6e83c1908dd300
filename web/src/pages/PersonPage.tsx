import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { queries } from '../api/queries';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { StatusPill } from '../components/StatusPill';
import { HistoryList } from '../inventory/HistoryList';
import { countOf, formatDate, fullName } from '../lib/format';
import '../inventory/inventory.css';

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
        <table className="table table-compact" data-testid="person-accounts">
          <thead>
            <tr>
              <th>App</th>
              <th>Email / username</th>
              <th>Role</th>
              <th>Status</th>
              <th>Last login</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data?.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/inventory/saas-users/${a.id}`}>{a.appName}</Link>
                </td>
                <td>{a.email ?? a.username ?? a.externalId}</td>
                <td>{a.role ?? '—'}</td>
                <td>
                  <StatusPill tone={a.status === 'active' ? 'up' : 'neutral'}>{a.status === 'active' ? 'Active' : 'Deactivated'}</StatusPill>
                </td>
                <td>{formatDate(a.lastLoginAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
