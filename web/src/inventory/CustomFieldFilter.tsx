import { useState, type FormEvent } from 'react';

type Props = {
  /** Custom field keys the admin can filter by. */
  keys: string[];
  field: string | undefined;
  value: string | undefined;
  /** An empty value removes the filter. */
  onApply: (field: string, value: string) => void;
};

/** "Job title is Engineer": one custom field and the exact value it must have. */
export function CustomFieldFilter({ keys, field, value, onApply }: Props) {
  const [key, setKey] = useState(field ?? keys[0] ?? '');
  const [text, setText] = useState(value ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(key, text.trim());
  }

  return (
    <form className="input-group" onSubmit={submit} role="search" aria-label="Filter by a custom field">
      <select className="input" aria-label="Custom field" value={key} onChange={(e) => setKey(e.target.value)}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {k}
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
