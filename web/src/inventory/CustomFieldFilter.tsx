import { useState, type FormEvent } from 'react';
import type { CustomFieldChoice } from './custom-field-columns';

type Props = {
  /** Custom fields the admin can filter by, shown by label. */
  fields: CustomFieldChoice[];
  field: string | undefined;
  value: string | undefined;
  /** An empty value removes the filter. */
  onApply: (field: string, value: string) => void;
};

/** "Job title is Engineer": one custom field and the exact value it must have. */
export function CustomFieldFilter({ fields, field, value, onApply }: Props) {
  const [key, setKey] = useState(field ?? fields[0]?.key ?? '');
  const [text, setText] = useState(value ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(key, text.trim());
  }

  return (
    <form className="input-group" onSubmit={submit} role="search" aria-label="Filter by a custom field">
      <select className="input" aria-label="Custom field" value={key} onChange={(e) => setKey(e.target.value)}>
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <input className="input input-narrow" aria-label="Custom field value" placeholder="is exactly…" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="btn btn-sm">
        Filter
      </button>
    </form>
  );
}
