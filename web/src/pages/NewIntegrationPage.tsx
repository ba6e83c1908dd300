import { useNavigate } from 'react-router-dom';
import { fetchCatalog } from '../api/catalog.api';
import { listCredentials } from '../api/credentials.api';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { useApiData } from '../hooks/use-api-data';
import { IntegrationForm } from '../integrations/IntegrationForm';

export function NewIntegrationPage() {
  const navigate = useNavigate();
  const catalog = useApiData(() => fetchCatalog(), []);
  const credentials = useApiData((signal) => listCredentials(undefined, signal), []);
  const error = catalog.error ?? credentials.error;

  return (
    <div className="page page-narrow">
      <PageHeader
        title="New integration"
        description="Load a SaaS app’s users into the inventory through a vendor preset."
        back={{ to: '/integrations', label: 'Integrations' }}
      />
      {error && <Notice tone="error">{error}</Notice>}
      {catalog.data && credentials.data ? (
        <IntegrationForm
          catalog={catalog.data}
          credentials={credentials.data}
          onCreated={(integration) => navigate(`/integrations/${integration.id}`)}
        />
      ) : (
        !error && <p className="text-muted">Loading…</p>
      )}
    </div>
  );
}
