import { CATALOG } from '@rolecall/presets/catalog';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../test-support/render-in-app';
import { CredentialFields } from './CredentialFields';

const litmos = CATALOG.presets.find((p) => p.id === 'litmos')!.authKinds[0]!;

type Values = { fields: Record<string, string> };

type Props = { masks?: Record<string, string>; values: Record<string, string>; error?: { path: 'fields' | `fields.${string}`; message: string } };

/** The fields inside a form of their own, with an error as a resolver or the server would set it. */
function Harness({ masks, values, error }: Props) {
  const form = useForm<Values>({ defaultValues: { fields: values } });
  const { setError } = form;
  useEffect(() => {
    if (error) setError(error.path, { message: error.message });
  }, [setError, error?.path, error?.message]);
  return (
    <form>
      <CredentialFields
        auth={litmos}
        idPrefix={masks ? 'edit-credential-field' : 'credential-field'}
        register={(key) => form.register(`fields.${key}`)}
        errors={form.formState.errors.fields}
        masks={masks}
      />
    </form>
  );
}

const fieldOf = (container: HTMLElement, id: string) => {
  const input = container.querySelector<HTMLInputElement>(`#${id}`)!;
  const field = input.closest('.field')!;
  return {
    input,
    label: field.querySelector('label')?.textContent,
    hint: field.querySelector('.field-hint')?.textContent,
    error: field.querySelector('.field-error')?.textContent,
  };
};

describe('CredentialFields', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('asks for a new credential’s fields, the secret hidden and a default named', async () => {
    const view = await renderInApp(<Harness values={{ apiKey: '', source: '' }} />);
    unmount = view.unmount;
    const apiKey = fieldOf(view.container, 'credential-field-apiKey');
    expect(apiKey.label).toBe('API key');
    expect(apiKey.input.type).toBe('password');
    const source = fieldOf(view.container, 'credential-field-source');
    expect(source.label).toBe('Source (optional)');
    expect(source.hint).toContain('Default: rolecall.');
    expect(source.input.placeholder).toBe('rolecall');
  });

  it('replaces a stored secret without showing it: labelled New, the mask as hint, the input empty', async () => {
    const view = await renderInApp(<Harness masks={{ apiKey: '••••1234' }} values={{ apiKey: '', source: 'hr-sync' }} />);
    unmount = view.unmount;
    const apiKey = fieldOf(view.container, 'edit-credential-field-apiKey');
    expect(apiKey.label).toBe('New API key (optional)');
    expect(apiKey.hint).toBe('Stored: ••••1234. Leave empty to keep it.');
    expect(apiKey.input.type).toBe('password');
    expect(apiKey.input.value).toBe('');
    const source = fieldOf(view.container, 'edit-credential-field-source');
    expect(source.label).toBe('Source (optional)');
    expect(source.input.value).toBe('hr-sync');
    expect(source.input.type).toBe('text');
  });

  it('shows a field’s own error beside it, and an error about the fields as a whole beside each', async () => {
    const own = await renderInApp(
      <Harness values={{ apiKey: '', source: '' }} error={{ path: 'fields.apiKey', message: 'API key is required' }} />,
    );
    unmount = own.unmount;
    expect(fieldOf(own.container, 'credential-field-apiKey').error).toBe('API key is required');
    expect(fieldOf(own.container, 'credential-field-source').error).toBeUndefined();
    own.unmount();

    const group = await renderInApp(
      <Harness
        masks={{ apiKey: '••••1234' }}
        values={{ apiKey: '', source: '' }}
        error={{ path: 'fields', message: 'a new host needs every secret again' }}
      />,
    );
    unmount = group.unmount;
    expect(fieldOf(group.container, 'edit-credential-field-apiKey').error).toBe('a new host needs every secret again');
    expect(fieldOf(group.container, 'edit-credential-field-source').error).toBe('a new host needs every secret again');
  });
});
