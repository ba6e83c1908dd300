import { Navigate, Route, Routes } from 'react-router-dom';
import { CredentialsPage } from '../pages/CredentialsPage';
import { IntegrationDetailPage } from '../pages/IntegrationDetailPage';
import { IntegrationEditPage } from '../pages/IntegrationEditPage';
import { IntegrationRunPage } from '../pages/IntegrationRunPage';
import { IntegrationsPage } from '../pages/IntegrationsPage';
import { InventoryPage } from '../pages/InventoryPage';
import { NewCredentialPage } from '../pages/NewCredentialPage';
import { NewIntegrationPage } from '../pages/NewIntegrationPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RunsPage } from '../pages/RunsPage';
import { WorkflowsPage } from '../pages/WorkflowsPage';
import { AppLayout } from './layout/AppLayout';

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/workflows" replace />} />
        <Route path="workflows" element={<WorkflowsPage />} />
        <Route path="inventory" element={<InventoryPage />} />
        <Route path="integrations" element={<IntegrationsPage />} />
        <Route path="integrations/new" element={<NewIntegrationPage />} />
        <Route path="integrations/:id" element={<IntegrationDetailPage />} />
        <Route path="integrations/:id/edit" element={<IntegrationEditPage />} />
        <Route path="integrations/:id/runs/:runId" element={<IntegrationRunPage />} />
        <Route path="credentials" element={<CredentialsPage />} />
        <Route path="credentials/new" element={<NewCredentialPage />} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
