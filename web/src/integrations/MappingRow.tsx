import type { ReactNode } from 'react';
import type { CatalogPreset, FieldMapping } from '../api/catalog.api';
import { TRANSFORMS, type Transform } from './integration-labels';

type Props = {
  target: string;
  label: string;
  /** Under the label: the target key, or a custom field's type. */
  detail: ReactNode;
  mapping: FieldMapping | undefined;
  vendorFields: CatalogPreset['fields'];
  error?: string;
  /** undefined = the target becomes unmapped. */
  onChange: (mapping: FieldMapping | undefined) => void;
  /** Only custom fields can be removed; inventory fields are fixed. */
  onRemove?: () => void;
};

/** What the one-line editor cannot show of a mapping; kept as is until the row changes. */
function hiddenParts(mapping: FieldMapping | undefined): string[] {
  const parts: string[] = [];
  if (mapping?.equals !== undefined) parts.push(`equals ${JSON.stringify(mapping.equals)}`);
  if (mapping?.default !== undefined) parts.push(`default ${JSON.stringify(mapping.default)}`);
  return parts;
}

/** One target of the mapping editor: which vendor field fills it, through which transform. */
export function MappingRow({ target, label, detail, mapping, vendorFields, error, onChange, onRemove }: Props) {
  const from = mapping?.from ?? [];
  const source = from[0] ?? '';
  const known = vendorFields.some((f) => f.key === source);
  const extraSources = from.slice(1);
  const hidden = hiddenParts(mapping);

  function changeSource(path: string) {
    // A new source starts a new mapping: equals/default/fallbacks belonged to the old one.
    onChange(path ? { from: [path] } : undefined);
  }

  function changeTransform(value: string) {
    const next: FieldMapping = { ...mapping };
    if (value) next.transform = value as Transform;
    else delete next.transform;
    onChange(next);
  }

  return (
    <tr data-testid={`mapping-row-${target}`}>
      <td>
        <div className="cell-title">{label}</div>
        <div className="cell-sub">{detail}</div>
      </td>
      <td className="mapping-arrow" aria-hidden="true">
        ←
      </td>
      <td className={error ? 'field-invalid' : undefined}>
        <div className="mapping-source">
          <select
            className="input"
            aria-label={`Vendor field for ${label}`}
            value={source}
            onChange={(e) => changeSource(e.target.value)}
          >
            <option value="">{mapping && !mapping.from ? '— constant —' : '— not mapped —'}</option>
            {vendorFields.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
            {source && !known && <option value={source}>{source}</option>}
          </select>
          {extraSources.length > 0 && (
            <span className="mapping-more" title={`Else ${extraSources.join(', else ')}`}>
              +{extraSources.length}
            </span>
          )}
        </div>
        {hidden.length > 0 && <div className="cell-sub">{hidden.join(', ')}</div>}
        {error && <p className="field-error">{error}</p>}
      </td>
      <td>
        <select
          className="input"
          aria-label={`Transform for ${label}`}
          value={mapping?.transform ?? ''}
          disabled={!mapping}
          onChange={(e) => changeTransform(e.target.value)}
        >
          <option value="">none</option>
          {TRANSFORMS.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </td>
      <td className="cell-actions">
        {onRemove && (
          <button type="button" className="btn btn-sm btn-danger-quiet" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}
