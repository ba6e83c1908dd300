import { createColumnHelper } from '@tanstack/react-table';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../test-support/render-in-app';
import { DataTable, type TableSort } from './DataTable';

type Row = { id: string; email: string; role: string };
const column = createColumnHelper<Row>();
const columns = [
  column.accessor('email', { header: 'Email', enableSorting: true }),
  column.accessor('role', { header: 'Role' }),
];
const rows: Row[] = [
  { id: 'a', email: 'ann@example.com', role: 'Admin' },
  { id: 'b', email: 'bob@example.com', role: 'Learner' },
];

describe('DataTable', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('asks the server for the next order from a sortable header and marks the current one', async () => {
    const asked: TableSort[] = [];
    const view = await renderInApp(
      <DataTable data={rows} columns={columns} getRowId={(r) => r.id} empty="none" sort={{ id: 'email', desc: false }} onSort={(s) => asked.push(s)} />,
    );
    unmount = view.unmount;
    const [emailHeader, roleHeader] = [...view.container.querySelectorAll('th')];
    expect(emailHeader?.getAttribute('aria-sort')).toBe('ascending');
    expect(roleHeader?.querySelector('button')).toBeNull();
    await act(async () => emailHeader!.querySelector('button')!.click());
    expect(asked).toEqual([{ id: 'email', desc: true }]);
  });

  it('selects rows for a bulk action, all of the page at once too', async () => {
    let selection: Record<string, boolean> = {};
    const view = await renderInApp(
      <DataTable data={rows} columns={columns} getRowId={(r) => r.id} empty="none" selection={{}} onSelection={(s) => (selection = s)} />,
    );
    unmount = view.unmount;
    await act(async () => view.container.querySelector<HTMLInputElement>('thead input[type="checkbox"]')!.click());
    expect(selection).toEqual({ a: true, b: true });
  });

  it('says so in one row when there is nothing to show', async () => {
    const view = await renderInApp(<DataTable data={[]} columns={columns} getRowId={(r) => r.id} empty="No SaaS users match these filters." />);
    unmount = view.unmount;
    const cell = view.container.querySelector('tbody td');
    expect(cell?.textContent).toBe('No SaaS users match these filters.');
    expect(cell?.getAttribute('colspan')).toBe('2');
  });

  it('hands a clicked row to onRowClick, and keys rows without an id of their own by index', async () => {
    const clicked: Row[] = [];
    const keyed: string[] = [];
    const view = await renderInApp(
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r, i) => {
          keyed.push(`${r.email}@${i}`);
          return String(i);
        }}
        empty="none"
        onRowClick={(r) => clicked.push(r)}
      />,
    );
    unmount = view.unmount;
    expect(view.container.querySelector('table')?.classList.contains('table-clickable')).toBe(true);
    await act(async () => view.container.querySelectorAll<HTMLTableRowElement>('tbody tr')[1]!.querySelector('td')!.click());
    expect(clicked).toEqual([rows[1]]);
    expect(keyed).toContain('bob@example.com@1');
  });

  it('is no click target without onRowClick', async () => {
    const view = await renderInApp(<DataTable data={rows} columns={columns} getRowId={(r) => r.id} empty="none" className="table-compact" />);
    unmount = view.unmount;
    expect(view.container.querySelector('table')?.className).toBe('table table-compact');
  });
});
