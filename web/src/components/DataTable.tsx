import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';

/** Server-side order: the column id the API sorts by and its direction. */
export type TableSort = { id: string; desc: boolean };

type Props<T> = {
  data: readonly T[];
  columns: ColumnDef<T, never>[];
  /** A stable id per row; `index` is for rows that have none of their own. */
  getRowId: (row: T, index: number) => string;
  /** Shown in one full-width row when `data` is empty. */
  empty: string;
  testId?: string;
  /** Manual (server-side) sorting: only columns with `enableSorting: true` offer it. */
  sort?: TableSort;
  onSort?: (sort: TableSort) => void;
  /** Row ids ticked for a bulk action; a checkbox column appears when given. */
  selection?: RowSelectionState;
  onSelection?: (selection: RowSelectionState) => void;
  /** The mouse shortcut to a row's page; a cell must still hold a link, the keyboard way in. */
  onRowClick?: (row: T) => void;
  className?: string;
};

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Per-column classes: `className` on each cell, `headerClassName` (e.g. a fixed width) on the header. */
export type DataColumnMeta = { className?: string; headerClassName?: string };

/**
 * The one table of the app (TanStack Table): headers that sort on the server, optional row
 * selection, and an empty row. Pages give columns; markup and keyboard handling live here.
 */
export function DataTable<T>({ data, columns, getRowId, empty, testId, sort, onSort, selection, onSelection, onRowClick, className }: Props<T>) {
  const sorting: SortingState = sort ? [sort] : [];
  const table = useReactTable<T>({
    data: data as T[],
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    // Only columns the server can order by opt in (`enableSorting: true`); others never offer it.
    defaultColumn: { enableSorting: false },
    manualSorting: true,
    enableSorting: onSort !== undefined,
    enableSortingRemoval: false,
    enableRowSelection: onSelection !== undefined,
    state: { sorting, rowSelection: selection ?? {} },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (next[0]) onSort?.(next[0]);
    },
    onRowSelectionChange: (updater) => onSelection?.(typeof updater === 'function' ? updater(selection ?? {}) : updater),
  });
  const selectable = onSelection !== undefined;
  const width = columns.length + (selectable ? 1 : 0);

  return (
    <div className="table-card">
      <table className={['table', onRowClick && 'table-clickable', className].filter(Boolean).join(' ')} data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selectable && (
                <th className="cell-select">
                  <input
                    type="checkbox"
                    aria-label="Select every row on this page"
                    checked={table.getIsAllPageRowsSelected()}
                    ref={(box) => {
                      if (box) box.indeterminate = table.getIsSomePageRowsSelected();
                    }}
                    onChange={table.getToggleAllPageRowsSelectedHandler()}
                  />
                </th>
              )}
              {group.headers.map((header) => {
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const direction = header.column.getIsSorted();
                const meta = header.column.columnDef.meta as DataColumnMeta | undefined;
                return (
                  <th key={header.id} className={meta?.headerClassName} aria-sort={direction ? ARIA_SORT[direction] : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="th-sort" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span className="th-sort-mark" aria-hidden="true">
                          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={row.getIsSelected() ? 'row-selected' : undefined} onClick={onRowClick && (() => onRowClick(row.original))}>
              {selectable && (
                <td className="cell-select">
                  <input
                    type="checkbox"
                    aria-label="Select this row"
                    checked={row.getIsSelected()}
                    onChange={row.getToggleSelectedHandler()}
                  />
                </td>
              )}
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta as DataColumnMeta | undefined;
                return (
                  <td key={cell.id} className={meta?.className}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
          {data.length === 0 && (
            <tr>
              <td colSpan={width} className="table-empty">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
