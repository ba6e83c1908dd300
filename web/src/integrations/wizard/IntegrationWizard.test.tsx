import { CATALOG, usePlainValidationMessages } from '@rolecall/presets/catalog';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp, typeInto } from '../../test-support/render-in-app';
import { IntegrationWizard } from './IntegrationWizard';

usePlainValidationMessages();

const button = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
const currentStep = (container: HTMLElement) => container.querySelector('[aria-current="step"]')?.textContent;

describe('IntegrationWizard', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('holds Details until the name is given, saying so beside the field', async () => {
    const view = await renderInApp(<IntegrationWizard catalog={CATALOG} credentials={[]} />);
    unmount = view.unmount;
    expect(currentStep(view.container)).toBe('1Details');
    await act(async () => button(view.container, 'Next: Connect').click());
    expect(currentStep(view.container)).toBe('1Details');
    const nameField = view.container.querySelector('#wizard-name')!.closest('.field')!;
    expect(nameField.classList.contains('field-invalid')).toBe(true);
    expect(nameField.querySelector('.field-error')?.textContent).toMatch(/\w/);

    await act(async () => typeInto(view.container.querySelector<HTMLInputElement>('#wizard-name')!, 'Litmos users'));
    await act(async () => button(view.container, 'Next: Connect').click());
    expect(currentStep(view.container)).toBe('2Connect');
    // No credential of the app yet: the form to create one opens right here.
    expect(view.container.querySelector('form[aria-label="New credential"]')).not.toBeNull();
  });

  it('offers only the app’s unique fields as sync keys, and Smart Mapping keeps the default where it knows nothing better', async () => {
    const lever = CATALOG.presets.find((p) => p.id === 'lever')!;
    const view = await renderInApp(<IntegrationWizard catalog={CATALOG} credentials={[]} />);
    unmount = view.unmount;
    await act(async () => typeInto(view.container.querySelector<HTMLSelectElement>('#wizard-preset')!, 'lever'));
    await act(async () => typeInto(view.container.querySelector<HTMLInputElement>('#wizard-name')!, 'Lever users'));
    await act(async () => button(view.container, 'Next: Connect').click());
    await act(async () => button(view.container, 'Cancel').click());
    await act(async () => button(view.container, 'Next: Mappings').click());
    expect(currentStep(view.container)).toBe('3Mappings');

    const offered = [...view.container.querySelectorAll<HTMLOptionElement>('select[aria-label="Sync key to add"] option')].map((o) => o.value);
    const chosen = lever.syncKeyFields.slice(0, 1);
    expect(offered.sort()).toEqual(lever.syncKeyFields.filter((k) => !chosen.includes(k)).sort());

    await act(async () => button(view.container, 'Smart Mapping').click());
    const vendorFieldOf = (label: string) => view.container.querySelector<HTMLSelectElement>(`select[aria-label="Vendor field for ${label}"]`)?.value;
    // Lever's deactivation date: no name match of its own, so Smart Mapping keeps the preset's default.
    expect(vendorFieldOf('Deactivated at')).toBe(lever.defaultMapping.deactivatedAt?.from?.[0]);
  });
});
