import { act } from 'react';
import { useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadRunView } from '../api/integrations.api';
import { renderInApp } from '../test-support/render-in-app';
import { LoadRunsTable } from './LoadRunsTable';

const run = (id: string, over: Partial<LoadRunView> = {}): LoadRunView =>
  ({
    id,
    integrationId: 'int-1',
    trigger: 'schedule',
    status: 'completed',
    startedAt: '2026-12-01T10:00:00.000Z',
    finishedAt: '2026-12-01T10:00:05.000Z',
    fetched: 1200,
    created: 3,
    updated: 0,
    unchanged: 1197,
    skipped: 0,
    failed: 0,
    deactivated: 1,
    error: null,
    warning: null,
    ...over,
  }) as LoadRunView;

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

describe('LoadRunsTable', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('lists each run with its counts, and a click anywhere on the row opens that run', async () => {
    const view = await renderInApp(
      <>
        <LoadRunsTable runs={[run('r2', { trigger: 'manual', status: 'failed', error: 'Vendor said 401' }), run('r1')]} />
        <Where />
      </>,
      '/integrations/int-1',
    );
    unmount = view.unmount;
    const table = view.container.querySelector('[data-testid="runs-table"]')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Started', 'Trigger', 'Status', 'Fetched', 'Created', 'Updated', 'Unchanged', 'Skipped', 'Failed', 'Deactivated', 'Duration',
    ]);
    const [first, second] = [...table.querySelectorAll('tbody tr')];
    expect(first?.textContent).toContain('Run now');
    expect(first?.querySelector('[data-testid="run-status"]')?.getAttribute('title')).toBe('Vendor said 401');
    expect([...second!.querySelectorAll('td.cell-number')].map((td) => td.textContent)).toEqual(['1,200', '3', '0', '1,197', '0', '0', '1', '5.0 s']);
    // The date is a real link too, the keyboard way in.
    expect(second?.querySelector('a')?.getAttribute('href')).toBe('/integrations/int-1/runs/r1');

    await act(async () => second!.querySelectorAll('td')[1]!.click());
    expect(view.container.querySelector('[data-testid="where"]')?.textContent).toBe('/integrations/int-1/runs/r1');
  });

  it('says there is no run yet instead of an empty table', async () => {
    const view = await renderInApp(<LoadRunsTable runs={[]} />);
    unmount = view.unmount;
    expect(view.container.querySelector('table')).toBeNull();
    expect(view.container.textContent).toContain('No runs yet.');
  });
});
