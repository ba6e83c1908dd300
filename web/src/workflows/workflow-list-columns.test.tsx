import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowListItem } from '../api/workflow-runs.api';
import { DataTable } from '../components/DataTable';
import { renderInApp } from '../test-support/render-in-app';
import { workflowListColumns } from './workflow-list-columns';

const base: Omit<WorkflowListItem, 'id' | 'name'> = {
  description: '',
  graph: { nodes: [], edges: [] },
  status: 'draft',
  latestVersion: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  trigger: { kind: 'manual', summary: 'Manual' },
  lastRun: null,
  nextRunAt: null,
  nextRunKnown: true,
};

const rows: WorkflowListItem[] = [
  { ...base, id: 'w-draft', name: 'Draft one' },
  {
    ...base,
    id: 'w-live',
    name: 'Nightly audit',
    status: 'active',
    latestVersion: 3,
    trigger: { kind: 'schedule', summary: 'Every day at 02:00 Europe/Berlin' },
    lastRun: { id: 'run-1', status: 'failed', mode: 'dryRun', createdAt: '2026-12-02T01:00:00.000Z', finishedAt: '2026-12-02T01:05:00.000Z' },
    nextRunAt: '2026-12-04T01:00:00.000Z',
  },
  { ...base, id: 'w-paused', name: 'Paused one', status: 'paused', latestVersion: 1, trigger: { kind: 'event', summary: 'When a person is offboarded' } },
  { ...base, id: 'w-unknown', name: 'Temporal away', status: 'active', latestVersion: 2, trigger: { kind: 'schedule', summary: 'Every hour UTC' }, nextRunKnown: false },
];

describe('workflow list rows', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  async function cells() {
    const view = await renderInApp(<DataTable data={rows} columns={workflowListColumns} getRowId={(w) => w.id} empty="none" />);
    unmount = view.unmount;
    return Object.fromEntries(
      [...view.container.querySelectorAll('tbody tr')].map((tr) => {
        const [name, status, trigger, lastRun, next] = [...tr.querySelectorAll('td')];
        return [name!.textContent, { name: name!, status: status!.textContent, trigger: trigger!.textContent, lastRun: lastRun!, next: next!.textContent }];
      }),
    );
  }

  it('names each workflow as a link to its editor with its status as a pill', async () => {
    const byName = await cells();
    expect(byName['Draft one']!.name.querySelector('a')?.getAttribute('href')).toBe('/workflows/w-draft');
    expect(byName['Draft one']!.status).toBe('Draft');
    expect(byName['Nightly audit']!.status).toBe('Launched v3');
    expect(byName['Paused one']!.status).toBe('Paused');
    expect(byName['Nightly audit']!.trigger).toBe('Every day at 02:00 Europe/Berlin');
  });

  it('links the last run with its outcome and says when a workflow never ran', async () => {
    const byName = await cells();
    const lastRun = byName['Nightly audit']!.lastRun;
    expect(lastRun.querySelector('a')?.getAttribute('href')).toBe('/workflows/w-live/runs/run-1');
    expect(lastRun.textContent).toContain('Failed');
    expect(lastRun.textContent).toContain('Dry run');
    expect(byName['Draft one']!.lastRun.textContent).toBe('Never run');
  });

  it('shows the next scheduled run, why there is none, or that Temporal did not say', async () => {
    const byName = await cells();
    expect(byName['Nightly audit']!.next).toMatch(/2026/);
    expect(byName['Draft one']!.next).toBe('Not launched');
    expect(byName['Paused one']!.next).toBe('Paused');
    expect(byName['Temporal away']!.next).toBe('Unknown');
  });
});
