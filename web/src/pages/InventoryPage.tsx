import { Link, useSearchParams } from 'react-router-dom';
import { listSaasApps } from '../api/inventory.api';
import { EmptyState } from '../components/EmptyState';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { useApiData } from '../hooks/use-api-data';
import { PeopleTab } from '../inventory/PeopleTab';
import { SaasUsersTab } from '../inventory/SaasUsersTab';

const TABS = [
  { id: 'saas-users', label: 'SaaS users' },
  { id: 'people', label: 'People' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function InventoryPage() {
  // The tab lives in the URL so a reload or a shared link opens the same one.
  const [params, setParams] = useSearchParams();
  const tab: TabId = params.get('tab') === 'people' ? 'people' : 'saas-users';
  const apps = useApiData((signal) => listSaasApps(signal), []);

  const header = (
    <PageHeader title="Inventory" description="People and their SaaS user accounts, across every connected app." />
  );

  if (apps.data?.length === 0) {
    return (
      <div className="page">
        {header}
        <EmptyState title="No users loaded yet">
          <p>
            Users appear here once an integration has loaded them from a SaaS app. Set one up under{' '}
            <Link to="/integrations">Integrations</Link> and press Run now; its users land here, searchable by app, name
            and status, and exportable as CSV.
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      {header}
      {apps.error && <Notice tone="error">{apps.error}</Notice>}
      <div className="tabs" role="tablist" aria-label="Inventory">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab tab-active' : 'tab'}
            onClick={() => setParams(t.id === 'saas-users' ? {} : { tab: t.id }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'saas-users' ? <SaasUsersTab apps={apps.data ?? []} onChanged={apps.reload} initialApp={params.get('app') ?? ''} /> : <PeopleTab />}
    </div>
  );
}
