import { useState } from 'react';
import type { SyncKeyField } from '../api/integrations.api';
import { SYNC_KEY_LABELS } from './integration-labels';

type Props = {
  value: SyncKeyField[];
  onChange: (value: SyncKeyField[]) => void;
  error?: string;
  /** The preset's `syncKeyFields`: the only fields it documents as unique per user. */
  allowed: readonly SyncKeyField[];
};

/** Sync keys in priority order (the first is tried first): add, remove, move up and down. */
export function SyncKeysEditor({ value, onChange, error, allowed }: Props) {
  const unused = allowed.filter((k) => !value.includes(k));
  const [chosen, setChosen] = useState<SyncKeyField>();
  const toAdd = chosen && unused.includes(chosen) ? chosen : unused[0];

  function move(index: number, by: -1 | 1) {
    const next = [...value];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  }

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <span className="field-label" id="sync-keys-label">
        Sync keys
      </span>
      <ol className="sync-keys" aria-labelledby="sync-keys-label" data-testid="sync-keys">
        {value.map((field, i) => (
          <li key={field} className="sync-key">
            <span className="sync-key-priority">{i + 1}</span>
            <span className="sync-key-label">{SYNC_KEY_LABELS[field]}</span>
            <button
              type="button"
              className="btn btn-sm"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move ${SYNC_KEY_LABELS[field]} up`}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-sm"
              disabled={i === value.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${SYNC_KEY_LABELS[field]} down`}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn-sm btn-danger-quiet"
              onClick={() => onChange(value.filter((k) => k !== field))}
              aria-label={`Remove ${SYNC_KEY_LABELS[field]}`}
            >
              Remove
            </button>
          </li>
        ))}
        {value.length === 0 && <li className="text-muted">None: the load cannot match users yet.</li>}
      </ol>
      {toAdd && (
        <div className="input-group">
          <select
            className="input"
            aria-label="Sync key to add"
            value={toAdd}
            onChange={(e) => setChosen(e.target.value as SyncKeyField)}
          >
            {unused.map((k) => (
              <option key={k} value={k}>
                {SYNC_KEY_LABELS[k]}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-sm" onClick={() => onChange([...value, toAdd])}>
            Add sync key
          </button>
        </div>
      )}
      {error ? (
        <p className="field-error">{error}</p>
      ) : (
        <p className="field-hint">Unique fields that match a vendor user to its inventory record, tried in this order.</p>
      )}
    </div>
  );
}
