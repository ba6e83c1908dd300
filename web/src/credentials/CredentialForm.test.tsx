import { CATALOG, usePlainValidationMessages } from '@rolecall/presets/catalog';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp, typeInto } from '../test-support/render-in-app';
import { CredentialForm } from './CredentialForm';

usePlainValidationMessages();

describe('CredentialForm', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  const errorsShown = (container: HTMLElement) =>
    Object.fromEntries([...container.querySelectorAll('.field-invalid')].map((f) => [f.querySelector('label')?.textContent, f.querySelector('.field-error')?.textContent]));

  it('names every problem at once, beside its field, in plain words, before sending anything', async () => {
    const created: unknown[] = [];
    const view = await renderInApp(<CredentialForm catalog={CATALOG} presetId="litmos" onCreated={(c) => created.push(c)} onCancel={() => undefined} />);
    unmount = view.unmount;
    const save = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Save credential')!;
    await act(async () => save.click());

    const shown = errorsShown(view.container);
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['Name', 'API key']));
    for (const message of Object.values(shown)) expect(message).not.toMatch(/invalid_type|Too small|expected string/i);
    expect(view.container.querySelector('.notice-error')).toBeNull();
    expect(created).toEqual([]);
  });

  it('clears a field’s error once it is filled', async () => {
    const view = await renderInApp(<CredentialForm catalog={CATALOG} presetId="litmos" onCreated={() => undefined} onCancel={() => undefined} />);
    unmount = view.unmount;
    const save = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Save credential')!;
    await act(async () => save.click());
    expect(errorsShown(view.container)).toHaveProperty('Name');
    await act(async () => typeInto(view.container.querySelector<HTMLInputElement>('#credential-name')!, 'Litmos production'));
    expect(errorsShown(view.container)).not.toHaveProperty('Name');
  });
});
