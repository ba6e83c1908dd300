import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAllRuns, type AllRunsPage } from '../api/all-runs.api';
import type { LoadRunListItem } from '../api/integrations.api';
import type { RunView, WorkflowListItem } from '../api/workflow-runs.api';
import { renderInApp } from '../test-support/render-in-app';
import { workflowRunPath } from '../workflows/workflow-paths';
import { RunsPage } from './RunsPage';

vi.mock('../api/all-runs.api', async (original) => ({ ...(await original<object>()), listAllRuns: vi.fn() }));
vi.mock('../api/integrations.api', async (original) => ({ ...(await original<object>()), listIntegrations: vi.fn(async () => []) }));
vi.mock('../api/workflow-runs.api', async (original) => ({
  ...(await original<object>()),
  listWorkflows: vi.fn(async () => [{ id: 'w1', name: 'Stale users' }] as WorkflowListItem[]),
}));

const load = {
  id: 'l1', integrationId: 'i1', integrationName: 'Litmos users', trigger: 'schedule', status: 'completed',
  fetched: 3, created: 1, updated: 2, failed: 0, startedAt: '2026-05-03T10:00:00Z', finishedAt: '2026-05-03T10:01:00Z', nextScheduledAt: null, error: null,
} as unknown as LoadRunListItem;
const run = {
  id: 'r1', workflowId: 'w1', versionNumber: 2, mode: 'live', trigger: { kind: 'event' }, status: 'completed',
  progress: { total: 4, done: 4 }, message: null, createdAt: '2026-05-04T09:00:00Z', startedAt: '2026-05-04T09:00:01Z', finishedAt: '2026-05-04T09:02:00Z',
} as unknown as RunView;
const page: AllRunsPage = { items: [{ kind: 'workflow', run }, { kind: 'load', run: load }], total: 400, page: 7, pageSize: 50 };

describe('RunsPage', () => {
  let unmount: (() => void) | undefined;
  beforeEach(() => vi.mocked(listAllRuns).mockReset().mockResolvedValue(page));
  afterEach(() => unmount?.());

  async function render(path: string) {
    const view = await renderInApp(<RunsPage />, path);
    unmount = view.unmount;
    // Let the queries answer.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    return view.container;
  }

  it('asks the server for a merged page past the old four-page limit and pages on from it', async () => {
    const container = await render('/runs?page=7');
    expect(vi.mocked(listAllRuns).mock.calls[0]![0]).toEqual({ source: 'all', page: 7, pageSize: 50 });
    expect(container.querySelector('[data-testid="runs-total"]')?.textContent).toBe('400 runs');
    const next = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Next');
    expect(next?.disabled).toBe(false);
    expect(container.textContent).not.toContain('Older runs');
  });

  it('keeps the server’s order and links a workflow run to its run view, a load to its run page', async () => {
    const container = await render('/runs');
    const rows = [...container.querySelectorAll('[data-testid="runs-table"] tbody tr')];
    expect(rows).toHaveLength(2);
    const [workflowRow, loadRow] = rows;
    expect(workflowRow!.querySelector('td a')?.getAttribute('href')).toBe(workflowRunPath('w1', 'r1'));
    expect(workflowRow!.textContent).toContain('Stale users');
    expect(loadRow!.querySelector('td a')?.getAttribute('href')).toBe('/integrations/i1/runs/l1');
    expect(loadRow!.textContent).toContain('Litmos users');
  });

  it('shows no run, without asking, for a status neither source knows', async () => {
    const container = await render('/runs?status=bogus');
    expect(listAllRuns).not.toHaveBeenCalled();
    expect(container.querySelector('[data-testid="runs-total"]')?.textContent).toBe('0 runs');
  });
});
