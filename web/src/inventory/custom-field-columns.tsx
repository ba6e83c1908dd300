import { createColumnHelper } from '@tanstack/react-table';
import type { SaasUser } from '../api/inventory.api';

const column = createColumnHelper<SaasUser>();

/** A custom field as the table and its filter show it: the key the API filters by, the label people read. */
export type CustomFieldChoice = { key: string; label: string };

/** The given keys, sorted by what people read: each field's label, or its key when no integration labels it. */
export function customFieldChoices(keys: Iterable<string>, labels: Readonly<Record<string, string>>): CustomFieldChoice[] {
  return [...new Set(keys)].map((key) => ({ key, label: labels[key] ?? key })).sort((a, b) => a.label.localeCompare(b.label));
}

/** A column per custom field present on this page, headed by its label. */
export function customFieldColumns(users: readonly SaasUser[], labels: Readonly<Record<string, string>>) {
  return customFieldChoices(
    users.flatMap((u) => Object.keys(u.custom)),
    labels,
  ).map(({ key, label }) =>
    column.display({
      id: `custom.${key}`,
      header: label,
      meta: { className: 'cell-truncate', headerClassName: 'col-custom' },
      cell: ({ row: { original: u } }) => {
        const value = u.custom[key];
        return value === null || value === undefined ? '—' : String(value);
      },
    }),
  );
}
