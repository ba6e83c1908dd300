import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { IntegrationWizard } from '../integrations/wizard/IntegrationWizard';
import '../integrations/integrations.css';

export function NewIntegrationPage() {
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  const failed = [catalog, credentials].find((q) => q.error);

  return (
    <div className="page page-narrow">
      <PageHeader
        title="New integration"
        description="Connect a SaaS app and load its users into the inventory, step by step."
        back={{ to: '/integrations', label: 'Integrations' }}
      />
      {failed && <QueryError query={failed} what="the apps and credentials" />}
      {catalog.data && credentials.data ? (
        <IntegrationWizard catalog={catalog.data} credentials={credentials.data} />
      ) : (
        !failed && <p className="text-muted">Loading…</p>
      )}
    </div>
  );
}
