import { CATALOG, usePlainValidationMessages } from '@rolecall/presets/catalog';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-client';
import { updateIntegration, type Integration } from '../api/integrations.api';
import { savedIntegration } from '../test-support/integration-fixture';
import { renderInApp, typeInto } from '../test-support/render-in-app';
import { IntegrationEditForm } from './IntegrationEditForm';

vi.mock('../api/integrations.api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/integrations.api')>()),
  updateIntegration: vi.fn(),
}));

usePlainValidationMessages();

const litmos = CATALOG.presets.find((p) => p.id === 'litmos')!;
const saved = savedIntegration({
  mappings: { ...litmos.defaultMapping },
  syncKeys: [{ field: 'email', priority: 1 }],
  readiness: { ready: false, missing: ['credentialId: choose a credential'] },
});

const input = (container: HTMLElement, id: string) => container.querySelector<HTMLInputElement>(`#${id}`)!;
/** The error shown under the field holding input `id`, if any. */
const errorBeside = (container: HTMLElement, id: string) => {
  const field = input(container, id).closest('.field')!;
  return field.classList.contains('field-invalid') ? field.querySelector('.field-error')?.textContent : undefined;
};
const saveButton = (container: HTMLElement) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === 'Save changes') as HTMLButtonElement;

describe('IntegrationEditForm', () => {
  let unmount: (() => void) | undefined;
  // Braces: a function returned from beforeEach is run as its teardown, and mockReset returns the mock.
  beforeEach(() => {
    vi.mocked(updateIntegration).mockReset();
  });
  afterEach(() => unmount?.());

  async function render(onSaved: (i: Integration) => void = () => undefined) {
    const view = await renderInApp(
      <IntegrationEditForm integration={saved} preset={litmos} inventoryFields={CATALOG.inventoryFields} credentials={[]} onSaved={onSaved} />,
    );
    unmount = view.unmount;
    return view.container;
  }

  it('names every problem at once, beside its field, in plain words, and sends nothing', async () => {
    const container = await render();
    await act(async () => typeInto(input(container, 'integration-name'), '  '));
    await act(async () => typeInto(input(container, 'integration-deactivation-limit'), '150'));
    await act(async () => typeInto(input(container, 'schedule-every'), '0'));
    await act(async () => saveButton(container).click());

    expect(errorBeside(container, 'integration-name')).toBe('must not be empty');
    expect(errorBeside(container, 'integration-deactivation-limit')).toBe('must be at most 100');
    expect(errorBeside(container, 'schedule-every')).toBe('must look like 30m, 6h or 1d');
    expect(errorBeside(container, 'integration-app')).toBeUndefined();
    expect(updateIntegration).not.toHaveBeenCalled();
  });

  it('clears an error as soon as its setting is fixed, keeping the others', async () => {
    const container = await render();
    await act(async () => typeInto(input(container, 'integration-name'), ''));
    await act(async () => typeInto(input(container, 'rate-limit-requests'), '0'));
    await act(async () => typeInto(container.querySelector<HTMLInputElement>('input[aria-label="Seconds"]')!, '60'));
    await act(async () => saveButton(container).click());
    expect(errorBeside(container, 'integration-name')).toBe('must not be empty');
    expect(errorBeside(container, 'rate-limit-requests')).toBe('must be at least 1');

    await act(async () => typeInto(input(container, 'rate-limit-requests'), '100'));
    expect(errorBeside(container, 'rate-limit-requests')).toBeUndefined();
    expect(errorBeside(container, 'integration-name')).toBe('must not be empty');
    await act(async () => typeInto(input(container, 'integration-name'), 'Litmos learners'));
    expect(errorBeside(container, 'integration-name')).toBeUndefined();
  });

  it('asks for a number when the deactivation limit is emptied, instead of saving 0%', async () => {
    const container = await render();
    await act(async () => typeInto(input(container, 'integration-deactivation-limit'), ''));
    await act(async () => saveButton(container).click());
    expect(errorBeside(container, 'integration-deactivation-limit')).toBe('must be a number');
    expect(updateIntegration).not.toHaveBeenCalled();
  });

  it('sends only what changed, and puts the server’s field error beside its field', async () => {
    const refusal = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'App name is already used by another integration',
      details: { issues: [{ path: ['appName'], message: 'is already used by another integration' }] },
    } as ConstructorParameters<typeof ApiError>[0]);
    vi.mocked(updateIntegration).mockRejectedValue(refusal);
    const onSaved = vi.fn();
    const container = await render(onSaved);
    await act(async () => typeInto(input(container, 'integration-app'), 'Litmos EU'));
    await act(async () => saveButton(container).click());

    expect(updateIntegration).toHaveBeenCalledWith(saved.id, { appName: 'Litmos EU' });
    expect(errorBeside(container, 'integration-app')).toBe('is already used by another integration');
    expect(errorBeside(container, 'integration-name')).toBeUndefined();
    expect(container.querySelector('.notice-error')?.textContent).toContain('already used');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('hands the saved integration back once the server takes the change', async () => {
    const stored = { ...saved, name: 'Litmos learners' };
    vi.mocked(updateIntegration).mockResolvedValue(stored);
    const onSaved = vi.fn();
    const container = await render(onSaved);
    expect(saveButton(container).disabled).toBe(true);
    await act(async () => typeInto(input(container, 'integration-name'), 'Litmos learners'));
    await act(async () => saveButton(container).click());
    expect(updateIntegration).toHaveBeenCalledWith(saved.id, { name: 'Litmos learners' });
    expect(onSaved).toHaveBeenCalledWith(stored);
  });
});
