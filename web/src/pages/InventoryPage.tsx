import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function InventoryPage() {
  return (
    <div className="page">
      <PageHeader title="Inventory" description="People and their SaaS user accounts, across every connected app." />
      <EmptyState title="No users loaded yet">
        <p>
          Users appear here once an integration has loaded them from a SaaS app. You will be able to search them by
          app, name and status, and export the list as CSV.
        </p>
      </EmptyState>
    </div>
  );
}
