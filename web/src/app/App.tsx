import { Navigate, Route, Routes } from 'react-router-dom';
import { CredentialsPage } from '../pages/CredentialsPage';
import { IntegrationsPage } from '../pages/IntegrationsPage';
import { InventoryPage } from '../pages/InventoryPage';
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
        <Route path="credentials" element={<CredentialsPage />} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
