import type { Dashboard } from '../api/dashboard.api';

/** One getting-started step: done when the data says so, with where to go to do it. */
export type ChecklistStep = { id: string; title: string; hint: string; done: boolean; to: string; action: string };

/**
 * The getting-started path of a new admin, ticked off from what exists: a credential, a load that
 * completed, a workflow drawn, something launched: an integration on its schedule or a workflow
 * (a launched integration keeps counting, so admins who only load users are not told they lag).
 */
export function checklistSteps({ checklist }: Pick<Dashboard, 'checklist'>): ChecklistStep[] {
  return [
    {
      id: 'connect',
      title: 'Connect an app',
      hint: 'Store the API key of a SaaS app and test it.',
      done: checklist.credentials > 0,
      to: '/credentials/new',
      action: 'Add a credential',
    },
    {
      id: 'load',
      title: 'Load its users',
      hint: 'Create an integration and press Run now: its users land in the inventory.',
      done: checklist.completedLoads > 0,
      to: checklist.integrations > 0 ? '/integrations' : '/integrations/new',
      action: checklist.integrations > 0 ? 'Open integrations' : 'New integration',
    },
    {
      id: 'workflow',
      title: 'Draw a workflow',
      hint: 'Decide on the canvas what happens to whom, e.g. deactivate users idle for a year.',
      done: checklist.workflows > 0,
      to: '/workflows',
      action: 'Open the canvas',
    },
    {
      id: 'launch',
      title: 'Launch',
      hint: 'Launch the workflow so its trigger runs it, and put the integration on its daily schedule.',
      done: checklist.launchedWorkflows > 0 || checklist.launchedIntegrations > 0,
      to: checklist.workflows > 0 ? '/workflows' : '/integrations',
      action: checklist.workflows > 0 ? 'Open workflows' : 'Open integrations',
    },
  ];
}
