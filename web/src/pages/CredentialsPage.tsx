import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function CredentialsPage() {
  return (
    <div className="page">
      <PageHeader title="Credentials" description="API keys and secrets Rolecall uses to call your SaaS apps." />
      <EmptyState title="No credentials stored">
        <p>
          Credentials hold the API keys and tokens that integrations and workflow blocks use. They are encrypted at rest
          and write-only: once saved, only a mask is shown.
        </p>
      </EmptyState>
    </div>
  );
}
