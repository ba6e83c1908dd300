import type { CompileContext } from '@rolecall/workflows/graph';
import { FormField } from '../../components/FormField';

type Ref = { presetId: string; actionId: string; credentialId: string };

/** The vendor, action and credential a half-set-up block names ('' for each not picked yet). */
export const presetActionRefOf = (data: Partial<Record<keyof Ref, string>>): Ref => ({
  presetId: data.presetId ?? '',
  actionId: data.actionId ?? '',
  credentialId: data.credentialId ?? '',
});

type Props = {
  nodeId: string;
  value: Ref;
  onChange: (next: Ref) => void;
  context: CompileContext;
  /** The operations this block may call (API_OPERATIONS, ROLE_RETRIEVAL_OPERATIONS). */
  operations: readonly string[];
  errors: { vendor?: string; action?: string; credential?: string };
  readOnly?: boolean;
};

/**
 * Vendor → its credentials → its fitting actions, in that order: picking another vendor clears
 * the credential and action that belonged to the old one. Only vendors with a fitting action show.
 */
export function PresetActionFields({ nodeId, value, onChange, context, operations, errors, readOnly }: Props) {
  const presets = context.catalog.presets.filter((p) => p.actions.some((a) => operations.includes(a.operation)));
  const preset = presets.find((p) => p.id === value.presetId);
  const actions = preset?.actions.filter((a) => operations.includes(a.operation)) ?? [];
  const credentials = context.credentials.filter((c) => c.presetId === value.presetId);
  const id = (field: string) => `${nodeId}-${field}`;

  const pickPreset = (presetId: string) => {
    const next = context.catalog.presets.find((p) => p.id === presetId);
    const fitting = next?.actions.filter((a) => operations.includes(a.operation)) ?? [];
    const onlyCredential = context.credentials.filter((c) => c.presetId === presetId);
    onChange({
      presetId,
      // One choice is no choice: fill it in.
      actionId: fitting.length === 1 ? fitting[0]!.id : '',
      credentialId: onlyCredential.length === 1 ? onlyCredential[0]!.id : '',
    });
  };

  return (
    <>
      <FormField label="Vendor" htmlFor={id('vendor')} error={errors.vendor}>
        <select id={id('vendor')} className="input" value={value.presetId} disabled={readOnly} onChange={(e) => pickPreset(e.target.value)}>
          <option value="">Pick a vendor…</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label="Credential"
        htmlFor={id('credential')}
        error={errors.credential}
        hint={preset && credentials.length === 0 ? `No ${preset.name} credential yet: add one under Credentials.` : undefined}
      >
        <select
          id={id('credential')}
          className="input"
          value={value.credentialId}
          disabled={readOnly || !preset}
          onChange={(e) => onChange({ ...value, credentialId: e.target.value })}
        >
          <option value="">{preset ? 'Pick a credential…' : 'Pick a vendor first'}</option>
          {credentials.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Action" htmlFor={id('action')} error={errors.action}>
        <select
          id={id('action')}
          className="input"
          value={value.actionId}
          disabled={readOnly || !preset}
          onChange={(e) => onChange({ ...value, actionId: e.target.value })}
        >
          <option value="">{preset ? 'Pick an action…' : 'Pick a vendor first'}</option>
          {actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}
