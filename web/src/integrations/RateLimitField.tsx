import type { CatalogPreset } from '../api/catalog.api';
import { FormField } from '../components/FormField';

type Props = {
  requests: string;
  seconds: string;
  /** Its published limit applies while both inputs are empty; shown greyed as placeholders. */
  presetLimit: CatalogPreset['rateLimit'] | undefined;
  error?: string;
  onChange: (value: { requests: string; seconds: string }) => void;
};

/** Optional override of the vendor's request budget: N requests per M seconds. */
export function RateLimitField({ requests, seconds, presetLimit, error, onChange }: Props) {
  return (
    <FormField
      label="Vendor rate limit"
      htmlFor="rate-limit-requests"
      optional
      error={error}
      hint={`Leave empty for the preset’s limit${presetLimit ? `: ${presetLimit.description}` : ''}.`}
    >
      <div className="input-group rate-limit">
        <input
          id="rate-limit-requests"
          className="input input-number"
          type="number"
          min={1}
          placeholder={presetLimit ? String(presetLimit.requests) : undefined}
          value={requests}
          onChange={(e) => onChange({ requests: e.target.value, seconds })}
        />
        <span className="text-muted">per</span>
        <input
          className="input input-number"
          type="number"
          min={0.001}
          step="any"
          aria-label="Seconds"
          placeholder={presetLimit ? String(presetLimit.perMs / 1000) : undefined}
          value={seconds}
          onChange={(e) => onChange({ requests, seconds: e.target.value })}
        />
        <span className="text-muted">seconds</span>
      </div>
    </FormField>
  );
}
