import { describe, expect, it } from 'vitest';
import type { AllRunsItem } from '../api/all-runs.api';
import type { LoadRunListItem } from '../api/integrations.api';
import type { RunView } from '../api/workflow-runs.api';
import { toRunRows } from './run-rows';

const load = (id: string, startedAt: string): AllRunsItem => ({ kind: 'load', run: { id, startedAt } as LoadRunListItem });
const workflowRun = (id: string, createdAt: string, startedAt: string | null): AllRunsItem => ({ kind: 'workflow', run: { id, workflowId: 'w1', createdAt, startedAt } as RunView });
const names = (id: string) => (id === 'w1' ? 'Stale users' : '?');

describe('toRunRows', () => {
  const items = [workflowRun('queued', '2026-05-04T09:00:00Z', null), load('l2', '2026-05-03T10:00:00Z'), workflowRun('w', '2026-05-02T09:00:00Z', '2026-05-02T10:00:00Z')];

  it('keeps the server’s order and gives each source its own row id', () => {
    expect(toRunRows(items, names).map((r) => r.id)).toEqual(['workflow-queued', 'load-l2', 'workflow-w']);
  });

  it('names the workflow, and dates a workflow run by its start, or by when it was queued before it began', () => {
    const [queued, loaded, started] = toRunRows(items, names);
    expect(queued).toMatchObject({ kind: 'workflow', workflowName: 'Stale users', at: '2026-05-04T09:00:00Z' });
    expect(loaded).toMatchObject({ kind: 'load', at: '2026-05-03T10:00:00Z' });
    expect(started).toMatchObject({ at: '2026-05-02T10:00:00Z' });
  });
});
