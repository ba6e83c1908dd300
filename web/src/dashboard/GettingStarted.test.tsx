import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../test-support/render-in-app';
import { checklistSteps } from './checklist-steps';
import { GettingStarted } from './GettingStarted';

const none = { credentials: 0, integrations: 0, launchedIntegrations: 0, completedLoads: 0, saasUsers: 0, workflows: 0, launchedWorkflows: 0 };

describe('GettingStarted', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('ticks steps off from what exists and gives the first open one the primary button', async () => {
    const steps = checklistSteps({ checklist: { ...none, credentials: 1, integrations: 1 } });
    expect(steps.map((s) => [s.id, s.done])).toEqual([
      ['connect', true],
      ['load', false],
      ['workflow', false],
      ['launch', false],
    ]);
    const view = await renderInApp(<GettingStarted steps={steps} />);
    unmount = view.unmount;
    expect(view.container.querySelector('[data-testid="checklist-progress"]')?.textContent).toBe('1 of 4 done');
    expect(view.container.querySelector('[data-testid="step-connect"] a')).toBeNull();
    const primary = view.container.querySelector('.btn-primary');
    expect(primary?.textContent).toBe('Open integrations');
    expect(primary?.closest('li')?.getAttribute('data-testid')).toBe('step-load');
  });

  it('ticks "draw a workflow" once one exists and "launch" once one has a launched version', () => {
    const done = (checklist: typeof none) => checklistSteps({ checklist }).filter((s) => s.done).map((s) => s.id);
    expect(done({ ...none, workflows: 2 })).toEqual(['workflow']);
    expect(done({ ...none, workflows: 2, launchedWorkflows: 1 })).toEqual(['workflow', 'launch']);
    expect(checklistSteps({ checklist: { ...none, workflows: 1 } })[3]).toMatchObject({ to: '/workflows', action: 'Open workflows' });
  });

  it('points a newcomer at creating the first integration', () => {
    expect(checklistSteps({ checklist: { ...none, credentials: 1 } })[1]).toMatchObject({ to: '/integrations/new', action: 'New integration' });
  });
});
