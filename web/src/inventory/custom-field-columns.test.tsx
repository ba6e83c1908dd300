import { afterEach, describe, expect, it } from 'vitest';
import type { SaasUser } from '../api/inventory.api';
import { DataTable } from '../components/DataTable';
import { renderInApp } from '../test-support/render-in-app';
import { customFieldColumns } from './custom-field-columns';
import { CustomFieldFilter } from './CustomFieldFilter';

const user = (id: string, custom: Record<string, unknown>) => ({ id, custom }) as SaasUser;
const users = [user('u1', { title: 'Engineer', costCenter: 'CC-1' }), user('u2', { title: null, region: 'EU' })];
const labels = { title: 'Job title', costCenter: 'Cost center' };

describe('custom field columns', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('heads each column with the field’s label, the key only for a field no integration labels', async () => {
    const view = await renderInApp(<DataTable data={users} columns={customFieldColumns(users, labels)} getRowId={(u) => u.id} empty="none" />);
    unmount = view.unmount;
    expect([...view.container.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Cost center', 'Job title', 'region']);
    const [first, second] = [...view.container.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(first).toEqual(['CC-1', 'Engineer', '—']);
    expect(second).toEqual(['—', '—', 'EU']);
  });

  it('offers the fields by label in the filter while filtering by key', async () => {
    const view = await renderInApp(
      <CustomFieldFilter fields={[{ key: 'title', label: 'Job title' }, { key: 'region', label: 'region' }]} field={undefined} value={undefined} onApply={() => undefined} />,
    );
    unmount = view.unmount;
    const options = [...view.container.querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['title', 'Job title'],
      ['region', 'region'],
    ]);
  });
});
