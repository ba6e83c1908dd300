import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function RunsPage() {
  return (
    <div className="page">
      <PageHeader title="Runs" description="Every execution of a launched workflow, live or dry run." />
      <EmptyState title="No runs yet">
        <p>
          Runs appear here when a launched workflow starts — on its schedule, on an inventory event, or by hand. Each run
          shows its progress, counts per block and the users it touched; a dry run shows who would be affected without
          changing anything.
        </p>
      </EmptyState>
    </div>
  );
}
