import type { Cap } from '@rolecall/workflows/graph';
import { FormField } from '../../components/FormField';

type Props = { nodeId: string; cap: Cap | undefined; onChange: (cap: Cap) => void; error?: string; readOnly?: boolean };

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The blast radius: above the smaller limit a run stops and waits for an admin's approval. */
export function CapFields({ nodeId, cap, onChange, error, readOnly }: Props) {
  const id = (f: string) => `${nodeId}-cap-${f}`;
  return (
    <fieldset className={error ? 'panel-group field-invalid' : 'panel-group'}>
      <legend className="field-label">Safety cap</legend>
      <p className="field-hint">A run that would change more users than this stops and waits for approval. Set one or both.</p>
      <div className="form-grid">
        <FormField label="Most users" htmlFor={id('users')} optional>
          <input
            id={id('users')}
            className="input input-number"
            type="number"
            min={1}
            step={1}
            value={cap?.maxUsers ?? ''}
            disabled={readOnly}
            onChange={(e) => onChange({ ...cap, maxUsers: numberOrUndefined(e.target.value) })}
          />
        </FormField>
        <FormField label="Most percent of the population" htmlFor={id('percent')} optional>
          <input
            id={id('percent')}
            className="input input-number"
            type="number"
            min={1}
            max={100}
            value={cap?.maxPercent ?? ''}
            disabled={readOnly}
            onChange={(e) => onChange({ ...cap, maxPercent: numberOrUndefined(e.target.value) })}
          />
        </FormField>
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
