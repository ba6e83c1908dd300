import type { CatalogPreset, FieldMapping } from '../api/catalog.api';

type Props = {
  mappings: Record<string, FieldMapping>;
  preset: CatalogPreset | undefined;
  inventoryFields: { key: string; label: string }[];
  customFields: { key: string; label: string }[];
};

/** How a mapping reads in one line besides its sources: "= active", "default false". */
function extras(mapping: FieldMapping): string[] {
  const parts: string[] = [];
  if (mapping.equals !== undefined) parts.push(`equals ${JSON.stringify(mapping.equals)}`);
  if (mapping.default !== undefined) parts.push(`default ${JSON.stringify(mapping.default)}`);
  return parts;
}

/** Each mapped target as "inventory field ← vendor field (transform)", in inventory field order. */
export function MappingsTable({ mappings, preset, inventoryFields, customFields }: Props) {
  const order = new Map(inventoryFields.map((f, i) => [f.key, i]));
  const targets = Object.keys(mappings).sort(
    (a, b) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size) || a.localeCompare(b),
  );
  const targetLabel = (target: string) => {
    if (target.startsWith('custom.')) {
      const key = target.slice('custom.'.length);
      return customFields.find((f) => f.key === key)?.label ?? key;
    }
    return inventoryFields.find((f) => f.key === target)?.label ?? target;
  };
  const vendorLabel = (path: string) => preset?.fields.find((f) => f.key === path)?.label;

  if (targets.length === 0) return <p className="text-muted">No field is mapped yet.</p>;

  return (
    <table className="table table-compact" data-testid="mappings-table">
      <thead>
        <tr>
          <th>Inventory field</th>
          <th aria-label="from" />
          <th>Vendor field</th>
          <th>Transform</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => {
          const mapping = mappings[target] ?? {};
          return (
            <tr key={target}>
              <td>
                {targetLabel(target)} <code className="code-subtle">{target}</code>
              </td>
              <td className="mapping-arrow" aria-hidden="true">
                ←
              </td>
              <td>
                {mapping.from?.length ? (
                  mapping.from.map((path, i) => (
                    <span key={path}>
                      {i > 0 && <span className="text-muted">, else </span>}
                      {vendorLabel(path) ?? path} {vendorLabel(path) && <code className="code-subtle">{path}</code>}
                    </span>
                  ))
                ) : (
                  <span className="text-muted">constant</span>
                )}
                {extras(mapping).length > 0 && <span className="text-muted"> ({extras(mapping).join(', ')})</span>}
              </td>
              <td>{mapping.transform ? <code>{mapping.transform}</code> : <span className="text-muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
