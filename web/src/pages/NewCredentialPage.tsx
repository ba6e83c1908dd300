import { useNavigate } from 'react-router-dom';
import { fetchCatalog } from '../api/catalog.api';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { CredentialForm } from '../credentials/CredentialForm';
import { useApiData } from '../hooks/use-api-data';

export function NewCredentialPage() {
  const navigate = useNavigate();
  const catalog = useApiData(() => fetchCatalog(), []);

  return (
    <div className="page page-narrow">
      <PageHeader
        title="New credential"
        description="The API key or token Rolecall signs in to a SaaS app with."
        back={{ to: '/credentials', label: 'Credentials' }}
      />
      {catalog.error && <Notice tone="error">{catalog.error}</Notice>}
      {catalog.data ? (
        <CredentialForm catalog={catalog.data} onCreated={() => navigate('/credentials')} />
      ) : (
        !catalog.error && <p className="text-muted">Loading…</p>
      )}
    </div>
  );
}
