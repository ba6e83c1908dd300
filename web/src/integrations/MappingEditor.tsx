import type { CatalogPreset, FieldMapping } from '../api/catalog.api';
import type { CustomField } from '../api/integrations.api';
import { errorFor } from './field-error';
import { customTarget } from './integration-draft';
import { CUSTOM_FIELD_TYPE_LABELS } from './integration-labels';
import { MappingRow } from './MappingRow';

type Props = {
  mappings: Record<string, FieldMapping>;
  customFields: CustomField[];
  inventoryFields: { key: string; label: string }[];
  preset: CatalogPreset | undefined;
  fieldErrors: Record<string, string>;
  onChange: (mappings: Record<string, FieldMapping>) => void;
  onRemoveCustomField: (key: string) => void;
};

/** One row per inventory field, then one per custom field, each picking its vendor source. */
export function MappingEditor({
  mappings,
  customFields,
  inventoryFields,
  preset,
  fieldErrors,
  onChange,
  onRemoveCustomField,
}: Props) {
  const vendorFields = preset?.fields ?? [];

  function setMapping(target: string, mapping: FieldMapping | undefined) {
    const next = { ...mappings };
    if (mapping) next[target] = mapping;
    else delete next[target];
    onChange(next);
  }

  const row = (target: string, label: string, detail: string, onRemove?: () => void) => (
    <MappingRow
      key={target}
      target={target}
      label={label}
      detail={detail}
      mapping={mappings[target]}
      vendorFields={vendorFields}
      error={errorFor(fieldErrors, `mappings.${target}`)}
      onChange={(m) => setMapping(target, m)}
      onRemove={onRemove}
    />
  );

  return (
    <table className="table table-compact mapping-editor" data-testid="mapping-editor">
      <thead>
        <tr>
          <th>Inventory field</th>
          <th aria-label="from" />
          <th>Vendor field</th>
          <th>Transform</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {inventoryFields.map((f) => row(f.key, f.label, f.key))}
        {customFields.map((f) =>
          row(customTarget(f.key), f.label, `custom · ${CUSTOM_FIELD_TYPE_LABELS[f.type]}`, () =>
            onRemoveCustomField(f.key),
          ),
        )}
      </tbody>
    </table>
  );
}
