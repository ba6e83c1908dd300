import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { CredentialsPage } from '../pages/CredentialsPage';
import { IntegrationDetailPage } from '../pages/IntegrationDetailPage';
import { IntegrationEditPage } from '../pages/IntegrationEditPage';
import { LoadRunPage } from '../pages/LoadRunPage';
import { IntegrationsPage } from '../pages/IntegrationsPage';
import { InventoryPage } from '../pages/InventoryPage';
import { NewCredentialPage } from '../pages/NewCredentialPage';
import { NewIntegrationPage } from '../pages/NewIntegrationPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AccountPage } from '../pages/AccountPage';
import { AuditPage } from '../pages/AuditPage';
import { RunsPage } from '../pages/RunsPage';
import { SignInPage } from '../pages/SignInPage';
import { UsersPage } from '../pages/UsersPage';
import { AppLayout } from './layout/AppLayout';

// The canvas (React Flow) is most of the bundle: load it only when the Workflows page opens.
const WorkflowsPage = lazy(() => import('../pages/WorkflowsPage').then((m) => ({ default: m.WorkflowsPage })));

export function App() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/workflows" replace />} />
        <Route
          path="workflows"
          element={
            <Suspense fallback={<p className="page">Loading the canvas…</p>}>
              <WorkflowsPage />
            </Suspense>
          }
        />
        <Route path="inventory" element={<InventoryPage />} />
        <Route path="integrations" element={<IntegrationsPage />} />
        <Route path="integrations/new" element={<NewIntegrationPage />} />
        <Route path="integrations/:id" element={<IntegrationDetailPage />} />
        <Route path="integrations/:id/edit" element={<IntegrationEditPage />} />
        <Route path="integrations/:id/runs/:runId" element={<LoadRunPage />} />
        <Route path="credentials" element={<CredentialsPage />} />
        <Route path="credentials/new" element={<NewCredentialPage />} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
