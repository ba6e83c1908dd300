import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunView } from '../api/workflow-runs.api';
import { cancelWorkflowRun } from '../api/workflows.api';
import { renderInApp } from '../test-support/render-in-app';
import { CancelRunButton } from './CancelRunButton';

vi.mock('../api/workflows.api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/workflows.api')>()),
  cancelWorkflowRun: vi.fn(),
}));

const run = { id: '6a1f0c52-8d1e-4b7a-9c2d-5e6f7a8b9c01', status: 'running' } as RunView;
const button = (root: ParentNode, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('CancelRunButton', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());
  beforeEach(() => {
    vi.mocked(cancelWorkflowRun).mockReset();
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.open = true; };
  });

  it('cancels only once confirmed, and shows why the server refused', async () => {
    vi.mocked(cancelWorkflowRun).mockRejectedValue(new Error('run 6a1f is completed; it has already finished'));
    const view = await renderInApp(<CancelRunButton run={run} />);
    unmount = view.unmount;
    await act(async () => button(view.container, 'Cancel run').click());
    await act(async () => button(view.container.querySelector('dialog')!, 'Let it run').click());
    expect(cancelWorkflowRun).not.toHaveBeenCalled();

    await act(async () => button(view.container, 'Cancel run').click());
    await act(async () => button(view.container.querySelector('dialog')!, 'Cancel run').click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(cancelWorkflowRun).toHaveBeenCalledWith(run.id);
    expect(view.container.querySelector('.notice-error')?.textContent).toContain('already finished');
    expect(view.container.querySelector('dialog')).toBeNull();
  });
});
