import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { queries } from '../api/queries';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { CredentialForm } from '../credentials/CredentialForm';

export function NewCredentialPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalog = useQuery(queries.catalog());

  return (
    <div className="page page-narrow">
      <PageHeader
        title="New credential"
        description="The API key or token Rolecall signs in to a SaaS app with."
        back={{ to: '/credentials', label: 'Credentials' }}
      />
      <QueryError query={catalog} what="the presets" />
      {catalog.data ? (
        <CredentialForm
          catalog={catalog.data}
          onCancel={() => void navigate('/credentials')}
          onCreated={() => {
            void queryClient.invalidateQueries({ queryKey: ['credentials'] });
            void navigate('/credentials');
          }}
        />
      ) : (
        !catalog.error && <p className="text-muted">Loading…</p>
      )}
    </div>
  );
}
