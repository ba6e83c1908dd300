import { CanvasEditor } from '../canvas/CanvasEditor';
import { PageHeader } from '../components/PageHeader';

export function WorkflowsPage() {
  return (
    <div className="page page-fill">
      <PageHeader
        title="Workflows"
        description="Draw how users are reviewed, retrieved and removed across your SaaS apps."
      />
      <CanvasEditor />
    </div>
  );
}
