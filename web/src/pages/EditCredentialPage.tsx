import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { queries } from '../api/queries';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { CredentialEditForm } from '../credentials/CredentialEditForm';

export function EditCredentialPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  const credential = credentials.data?.find((c) => c.id === id);
  const failed = [catalog, credentials].find((q) => q.error);

  return (
    <div className="page page-narrow">
      <PageHeader
        title={credential ? `Edit ${credential.name}` : 'Edit credential'}
        description="Rename it, move it, or replace a secret without seeing the old one."
        back={{ to: '/credentials', label: 'Credentials' }}
      />
      {failed && <QueryError query={failed} what="the credential" />}
      {credentials.data && !credential && <p className="text-muted">There is no such credential; it may have been deleted.</p>}
      {credential && catalog.data ? (
        <CredentialEditForm
          credential={credential}
          preset={catalog.data.presets.find((p) => p.id === credential.presetId)}
          onCancel={() => void navigate('/credentials')}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: ['credentials'] })}
        />
      ) : (
        !failed && !credentials.data && <p className="text-muted">Loading…</p>
      )}
    </div>
  );
}
