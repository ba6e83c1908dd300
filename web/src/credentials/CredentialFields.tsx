import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import type { AuthKindSpec, CredentialFieldSpec } from '../api/catalog.api';
import { FormField } from '../components/FormField';

type Props = {
  auth: AuthKindSpec;
  /** Input ids are `<idPrefix>-<key>`: the new and edit forms can sit on one page. */
  idPrefix: string;
  /** react-hook-form's `register('fields.<key>')` of the form holding these inputs. */
  register: (key: string) => UseFormRegisterReturn;
  /** The form's errors under `fields`. */
  errors: FieldErrors<{ fields: Record<string, string> }>['fields'];
  /**
   * Editing a stored credential: its secrets' masks. A secret input then replaces the stored
   * secret, which is never shown; left empty it keeps it, so every input is optional.
   */
  masks?: Record<string, string>;
};

/** A field's own issue, else an issue about the fields as a whole (a missing required one). */
function fieldError(errors: Props['errors'], key: string): string | undefined {
  // Typed as a record of strings, the group's own `message` would read as a field named "message".
  const byKey = errors as Record<string, { message?: unknown } | undefined> | undefined;
  const own = byKey?.[key]?.message;
  const group = (errors as { message?: unknown } | undefined)?.message;
  if (typeof own === 'string') return own;
  return typeof group === 'string' ? group : undefined;
}

function hint(field: CredentialFieldSpec, masks: Props['masks']): string | undefined {
  if (masks && field.secret) return `Stored: ${masks[field.key] ?? 'not set'}. Leave empty to keep it.`;
  if (masks) return field.description;
  return [field.description, field.default !== undefined ? `Default: ${field.default}.` : ''].filter(Boolean).join(' ') || undefined;
}

/** The auth kind's own inputs (API key, client secret, …), for a new credential or a stored one. */
export function CredentialFields({ auth, idPrefix, register, errors, masks }: Props) {
  const editing = masks !== undefined;
  return (
    <fieldset className="form-section">
      <legend>{auth.label}</legend>
      <div className="form-grid">
        {auth.fields.map((field) => (
          <FormField
            // Per auth kind: switching kinds starts its inputs afresh.
            key={`${auth.id}-${field.key}`}
            label={editing && field.secret ? `New ${field.label}` : field.label}
            htmlFor={`${idPrefix}-${field.key}`}
            optional={editing || !field.required || field.default !== undefined}
            error={fieldError(errors, field.key)}
            hint={hint(field, masks)}
          >
            <input
              id={`${idPrefix}-${field.key}`}
              className="input"
              type={field.secret ? 'password' : 'text'}
              autoComplete={field.secret ? 'new-password' : 'off'}
              placeholder={editing ? undefined : (field.placeholder ?? field.default)}
              {...register(field.key)}
            />
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
