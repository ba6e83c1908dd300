import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { queries } from '../api/queries';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { IntegrationForm } from '../integrations/IntegrationForm';

export function NewIntegrationPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  const failed = [catalog, credentials].find((q) => q.error);

  return (
    <div className="page page-narrow">
      <PageHeader
        title="New integration"
        description="Load a SaaS app’s users into the inventory through a vendor preset."
        back={{ to: '/integrations', label: 'Integrations' }}
      />
      {failed && <QueryError query={failed} what="the presets and credentials" />}
      {catalog.data && credentials.data ? (
        <IntegrationForm
          catalog={catalog.data}
          credentials={credentials.data}
          onCreated={(integration) => {
            void queryClient.invalidateQueries({ queryKey: ['integrations'] });
            void navigate(`/integrations/${integration.id}`);
          }}
        />
      ) : (
        !failed && <p className="text-muted">Loading…</p>
      )}
    </div>
  );
}
