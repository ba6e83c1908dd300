import type { Dashboard } from '../api/dashboard.api';

/** One getting-started step: done when the data says so, with where to go to do it. */
export type ChecklistStep = { id: string; title: string; hint: string; done: boolean; to: string; action: string };

/**
 * The getting-started path of a new admin, ticked off from what exists: a credential, a load that
 * completed, a workflow drawn, an integration launched on its schedule.
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
      done: false,
      to: '/workflows',
      action: 'Open the canvas',
    },
    {
      id: 'launch',
      title: 'Launch',
      hint: 'Put the integration on its daily schedule so the inventory stays current.',
      done: checklist.launchedIntegrations > 0,
      to: '/integrations',
      action: 'Open integrations',
    },
  ];
}
