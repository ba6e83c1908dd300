import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { queries } from '../api/queries';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { StatusPill } from '../components/StatusPill';
import { HistoryList } from '../inventory/HistoryList';
import { formatDate, formatDateTime, fullName } from '../lib/format';
import '../inventory/inventory.css';

/** One account in one app: what the vendor said, and what loads and admins did to it. */
export function SaasUserPage() {
  const { id = '' } = useParams();
  const user = useQuery(queries.saasUser(id));
  const history = useQuery(queries.saasUserHistory(id));
  const u = user.data;
  const back = { to: '/inventory', label: 'Inventory' };

  if (!u) {
    return (
      <div className="page">
        <PageHeader title="SaaS user" description="" back={back} />
        {user.error ? <QueryError query={user} what="this SaaS user" /> : <p className="text-muted">Loading…</p>}
      </div>
    );
  }

  const fields: [string, string][] = [
    ['External id', u.externalId],
    ['Email', u.email ?? '—'],
    ['Username', u.username ?? '—'],
    ['Name', fullName(u)],
    ['Role', u.role ?? '—'],
    ['Last login', formatDateTime(u.lastLoginAt)],
    ['Created at the vendor', formatDate(u.vendorCreatedAt)],
    ['Last synced', formatDateTime(u.syncedAt)],
    ...Object.entries(u.custom).map(([key, value]): [string, string] => [key, value === null || value === undefined ? '—' : String(value)]),
  ];

  return (
    <div className="page">
      <PageHeader title={u.email ?? u.username ?? u.externalId} description={<>Account in {u.appName}</>} back={back} />
      <div className="dashboard-grid">
        <section className="card" aria-labelledby="vendor-fields-title">
          <h2 className="card-title" id="vendor-fields-title">
            Vendor fields
          </h2>
          <dl className="settings-list">
            <dt>Status</dt>
            <dd>
              <StatusPill tone={u.status === 'active' ? 'up' : 'neutral'}>{u.status === 'active' ? 'Active' : 'Deactivated'}</StatusPill>
            </dd>
            {fields.map(([label, value]) => (
              <div key={label} className="settings-row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            <dt>Person</dt>
            <dd>{u.personId ? <Link to={`/inventory/people/${u.personId}`}>Open the person</Link> : '—'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="history-title">
          <h2 className="card-title" id="history-title">
            History
          </h2>
          <QueryError query={history} what="the history" />
          {history.data && <HistoryList events={history.data} />}
        </section>
      </div>
    </div>
  );
}
