import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function IntegrationsPage() {
  return (
    <div className="page">
      <PageHeader title="Integrations" description="SaaS apps connected to Rolecall and the user loads that keep the inventory current." />
      <EmptyState title="No integrations yet">
        <p>Connect a SaaS app through a vendor preset (SAP Litmos, Lever, Planhat, SCIM 2.0, GitHub) to load its users.</p>
        <p>
          Each integration maps the app’s user fields to the inventory and reloads on a schedule — daily by default — with
          an error log for every record it skips.
        </p>
      </EmptyState>
    </div>
  );
}
