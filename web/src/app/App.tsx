import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { CredentialsPage } from '../pages/CredentialsPage';
import { DashboardPage } from '../pages/DashboardPage';
import { IntegrationDetailPage } from '../pages/IntegrationDetailPage';
import { LoadRunPage } from '../pages/LoadRunPage';
import { IntegrationsPage } from '../pages/IntegrationsPage';
import { InventoryPage } from '../pages/InventoryPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AccountPage } from '../pages/AccountPage';
import { AuditPage } from '../pages/AuditPage';
import { PersonPage } from '../pages/PersonPage';
import { RunsPage } from '../pages/RunsPage';
import { SaasUserPage } from '../pages/SaasUserPage';
import { SignInPage } from '../pages/SignInPage';
import { UsersPage } from '../pages/UsersPage';
import { AppLayout } from './layout/AppLayout';

// The canvas (React Flow) is most of the bundle: load it only when the Workflows page opens.
// The forms that validate with the server's zod schemas carry zod and the preset catalog: load
// them when opened, so the pages that only read stay light.
const NewCredentialPage = lazy(() => import('../pages/NewCredentialPage').then((m) => ({ default: m.NewCredentialPage })));
const EditCredentialPage = lazy(() => import('../pages/EditCredentialPage').then((m) => ({ default: m.EditCredentialPage })));
const IntegrationEditPage = lazy(() => import('../pages/IntegrationEditPage').then((m) => ({ default: m.IntegrationEditPage })));
const NewIntegrationPage = lazy(() => import('../pages/NewIntegrationPage').then((m) => ({ default: m.NewIntegrationPage })));
const WorkflowEditorPage = lazy(() => import('../pages/WorkflowEditorPage').then((m) => ({ default: m.WorkflowEditorPage })));
const WorkflowRunPage = lazy(() => import('../pages/WorkflowRunPage').then((m) => ({ default: m.WorkflowRunPage })));
const WorkflowsPage = lazy(() => import('../pages/WorkflowsPage').then((m) => ({ default: m.WorkflowsPage })));

/** A lazily loaded page, saying what it loads while its chunk arrives. */
const lazyPage = (page: ReactNode, what: string) => <Suspense fallback={<p className="page">Loading {what}…</p>}>{page}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="workflows" element={lazyPage(<WorkflowsPage />, 'the workflows')} />
        <Route path="workflows/:workflowId" element={lazyPage(<WorkflowEditorPage />, 'the canvas')} />
        <Route path="workflows/:workflowId/runs/:runId" element={lazyPage(<WorkflowRunPage />, 'the run')} />
        <Route path="inventory" element={<InventoryPage />} />
        <Route path="inventory/saas-users/:id" element={<SaasUserPage />} />
        <Route path="inventory/people/:id" element={<PersonPage />} />
        <Route path="integrations" element={<IntegrationsPage />} />
        <Route path="integrations/new" element={lazyPage(<NewIntegrationPage />, 'the form')} />
        <Route path="integrations/:id" element={<IntegrationDetailPage />} />
        <Route path="integrations/:id/edit" element={lazyPage(<IntegrationEditPage />, 'the form')} />
        <Route path="integrations/:id/runs/:runId" element={<LoadRunPage />} />
        <Route path="credentials" element={<CredentialsPage />} />
        <Route path="credentials/new" element={lazyPage(<NewCredentialPage />, 'the form')} />
        <Route path="credentials/:id/edit" element={lazyPage(<EditCredentialPage />, 'the form')} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
