import { usePlainValidationMessages } from '@rolecall/presets/catalog';
import { WORKFLOW_TEMPLATES } from '@rolecall/workflows/graph';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credential } from '../api/credentials.api';
import { createWorkflow } from '../api/workflows.api';
import { renderInApp, typeInto } from '../test-support/render-in-app';
import { TemplateDialog } from './TemplateDialog';

vi.mock('../api/workflows.api', () => ({ createWorkflow: vi.fn() }));
usePlainValidationMessages();

const template = WORKFLOW_TEMPLATES.find((t) => t.id === 'deactivate-inactive-litmos-users')!;
const app = { id: '3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c01', name: 'Litmos', presetId: 'litmos' };
const credential = (id: string, name: string) => ({ id, name, presetId: 'litmos' }) as Credential;

describe('TemplateDialog', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());
  beforeEach(() => vi.mocked(createWorkflow).mockReset());

  async function open(credentials: Credential[], apps = [app]) {
    const created: string[] = [];
    const view = await renderInApp(
      <TemplateDialog template={template} presetLabel="SAP Litmos" credentials={credentials} apps={apps} onCreated={(w) => created.push(w.id)} onCancel={() => undefined} />,
    );
    unmount = view.unmount;
    const submit = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Create from template')!;
    return { container: view.container, submit, created };
  }

  it('asks for the credential, prefilled with the template name, and creates the template graph with it', async () => {
    vi.mocked(createWorkflow).mockResolvedValue({ id: 'w-new' } as Awaited<ReturnType<typeof createWorkflow>>);
    const { container, submit, created } = await open([credential('cred-a', 'Litmos A'), credential('cred-b', 'Litmos B')]);
    expect(container.querySelector<HTMLInputElement>('#template-name')!.value).toBe(template.name);

    await act(async () => submit.click());
    expect(container.querySelector('.field-error')?.textContent).toBe('Choose a credential');
    expect(createWorkflow).not.toHaveBeenCalled();

    await act(async () => typeInto(container.querySelector<HTMLSelectElement>('#template-credential')!, 'cred-b'));
    await act(async () => submit.click());
    expect(createWorkflow).toHaveBeenCalledWith({
      name: template.name,
      description: template.description,
      graph: template.graph({ credentialId: 'cred-b', appId: app.id }),
    });
    expect(created).toEqual(['w-new']);
  });

  it('asks which app when the preset has several, and walks the chosen one', async () => {
    vi.mocked(createWorkflow).mockResolvedValue({ id: 'w-eu' } as Awaited<ReturnType<typeof createWorkflow>>);
    const eu = { id: '4a0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c02', name: 'Litmos EU', presetId: 'litmos' };
    const { container, submit } = await open([credential('cred-a', 'Litmos A')], [app, eu]);
    const select = container.querySelector<HTMLSelectElement>('#template-app-id')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose an app…', 'Litmos', 'Litmos EU']);

    await act(async () => submit.click());
    expect(container.querySelector('[data-testid="template-app"] .field-error')?.textContent).toBe('Choose an app');
    expect(createWorkflow).not.toHaveBeenCalled();

    // (happy-dom does not show React's preselected option; Chromium does, see e2e/workflow-templates.)
    await act(async () => typeInto(container.querySelector<HTMLSelectElement>('#template-credential')!, 'cred-a'));
    await act(async () => typeInto(select, eu.id));
    await act(async () => submit.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(createWorkflow).toHaveBeenCalledWith(expect.objectContaining({ graph: template.graph({ credentialId: 'cred-a', appId: eu.id }) }));
  });

  it('links to a new credential when the preset has none, and cannot be sent', async () => {
    const { container, submit } = await open([]);
    expect(container.querySelector('#template-credential')).toBeNull();
    expect(container.querySelector('[data-testid="template-no-credential"] a')?.getAttribute('href')).toBe('/credentials/new');
    expect(submit.disabled).toBe(true);
  });

  it('says no users are loaded yet, with a link to Integrations, when the preset has no inventory app', async () => {
    const { container, submit } = await open([credential('cred-a', 'Litmos A')], []);
    expect(container.querySelector('[data-testid="template-no-app"] a')?.getAttribute('href')).toBe('/integrations');
    expect(submit.disabled).toBe(true);
  });
});
