import { useState, type KeyboardEvent } from 'react';
import type { CustomField, CustomFieldType } from '../api/integrations.api';
import { FormField } from '../components/FormField';
import { CUSTOM_FIELD_TYPE_LABELS } from './integration-labels';

type Props = { existing: CustomField[]; onAdd: (field: CustomField) => void };

// Same rule as the server's CustomKey, checked here so a typo is caught before the save.
const KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

/** "Add custom field": key, label and type, added as a new (unmapped) row of the mapping editor. */
export function CustomFieldAdder({ existing, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<CustomFieldType>('string');
  const [error, setError] = useState<string>();

  function add() {
    const k = key.trim();
    if (!KEY_PATTERN.test(k)) return setError('Letters, digits and _ (starting with a letter).');
    if (existing.some((f) => f.key === k)) return setError(`There is already a custom field “${k}”.`);
    onAdd({ key: k, label: label.trim() || k, type });
    setKey('');
    setLabel('');
    setType('string');
    setError(undefined);
    setOpen(false);
  }

  // Enter inside the settings form would save the whole integration; here it means "Add".
  function onEnter(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  }

  if (!open) {
    return (
      <div>
        <button type="button" className="btn btn-sm" onClick={() => setOpen(true)}>
          Add custom field
        </button>
      </div>
    );
  }

  return (
    <div className="custom-field-adder" onKeyDown={onEnter}>
      <FormField label="Field key" htmlFor="custom-field-key" error={error} hint="Letters, digits and _, e.g. jobTitle.">
        <input id="custom-field-key" className="input" value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
      </FormField>
      <FormField label="Field label" htmlFor="custom-field-label" optional>
        <input id="custom-field-label" className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
      </FormField>
      <FormField label="Field type" htmlFor="custom-field-type">
        <select
          id="custom-field-type"
          className="input"
          value={type}
          onChange={(e) => setType(e.target.value as CustomFieldType)}
        >
          {(Object.keys(CUSTOM_FIELD_TYPE_LABELS) as CustomFieldType[]).map((t) => (
            <option key={t} value={t}>
              {CUSTOM_FIELD_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </FormField>
      <div className="custom-field-adder-actions">
        <button type="button" className="btn btn-sm btn-primary" onClick={add}>
          Add field
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
