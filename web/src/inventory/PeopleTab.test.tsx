import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../api/inventory.api';
import { renderInApp } from '../test-support/render-in-app';
import { PeopleTab } from './PeopleTab';

const person: Person = {
  id: 'p-1',
  email: 'ann@example.com',
  firstName: 'Ann',
  lastName: 'Lee',
  role: 'Learner',
  status: 'active',
  offboardedAt: null,
  custom: {},
  saasUserCount: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

/** Answers GET /api/people with one page holding `items`. */
function servePeople(items: Person[]) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ items, total: items.length }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return asked;
}

/** Lets the query answer and React render it, a tick at a time. */
async function settle(done: () => boolean) {
  for (let i = 0; i < 50 && !done(); i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
}

describe('PeopleTab', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => {
    unmount?.();
    vi.unstubAllGlobals();
  });

  it('shows one person as "1 person", with a link to their page and the offboarding action', async () => {
    const asked = servePeople([person]);
    const view = await renderInApp(<PeopleTab />);
    unmount = view.unmount;
    const total = () => view.container.querySelector('[data-testid="people-total"]')?.textContent;
    await settle(() => total() === '1 person');
    expect(total()).toBe('1 person');
    expect(asked[0]).toContain('/api/people?');

    const rows = view.container.querySelectorAll('[data-testid="people-table"] tbody tr');
    expect(rows).toHaveLength(1);
    const cells = [...rows[0]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['ann@example.com', 'Ann Lee', 'Learner', 'Active', '1', 'Offboard']);
    expect(rows[0]!.querySelector('a')?.getAttribute('href')).toBe('/inventory/people/p-1');
  });

  it('says why the list is empty in one row spanning every column', async () => {
    servePeople([]);
    const view = await renderInApp(<PeopleTab />);
    unmount = view.unmount;
    const empty = () => view.container.querySelector('[data-testid="people-table"] td.table-empty');
    await settle(() => empty()?.textContent?.startsWith('No people') ?? false);
    expect(empty()?.textContent).toContain('No people match these filters.');
    expect(empty()?.getAttribute('colspan')).toBe('6');
    expect(view.container.querySelector('[data-testid="people-total"]')?.textContent).toBe('0 people');
  });
});
