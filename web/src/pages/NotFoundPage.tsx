import { Link, useLocation } from 'react-router-dom';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="page">
      <PageHeader title="Page not found" description={`Nothing lives at ${pathname}.`} />
      <EmptyState title="This page does not exist">
        <p>
          Check the address, or go back to <Link to="/workflows">Workflows</Link>.
        </p>
      </EmptyState>
    </div>
  );
}
