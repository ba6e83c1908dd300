import { usePlainValidationMessages } from '@rolecall/presets/catalog';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkflow } from '../api/workflows.api';
import { renderInApp, typeInto } from '../test-support/render-in-app';
import { NewWorkflowDialog } from './NewWorkflowDialog';

vi.mock('../api/workflows.api', () => ({ createWorkflow: vi.fn() }));
usePlainValidationMessages();

describe('NewWorkflowDialog', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());
  beforeEach(() => vi.mocked(createWorkflow).mockReset());

  it('needs a name, then creates a draft of a Begin above an End', async () => {
    vi.mocked(createWorkflow).mockResolvedValue({ id: 'w-1' } as Awaited<ReturnType<typeof createWorkflow>>);
    const created: string[] = [];
    const view = await renderInApp(<NewWorkflowDialog onCreated={(w) => created.push(w.id)} onCancel={() => undefined} />);
    unmount = view.unmount;
    const submit = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Create workflow')!;

    await act(async () => submit.click());
    expect(view.container.querySelector('.field-invalid label')?.textContent).toBe('Name');
    expect(createWorkflow).not.toHaveBeenCalled();

    await act(async () => typeInto(view.container.querySelector<HTMLInputElement>('#new-workflow-name')!, 'Quarterly review'));
    await act(async () => submit.click());
    const body = vi.mocked(createWorkflow).mock.calls[0]![0];
    expect(body.name).toBe('Quarterly review');
    expect(body.graph?.nodes.map((n) => n.type)).toEqual(['begin', 'end']);
    const [begin, end] = body.graph!.nodes;
    expect(end!.position.y).toBeGreaterThan(begin!.position.y);
    expect(body.graph?.edges).toEqual([]);
    expect(created).toEqual(['w-1']);
  });
});
