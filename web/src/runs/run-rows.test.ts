import { describe, expect, it } from 'vitest';
import type { LoadRunListItem } from '../api/integrations.api';
import type { RunView } from '../api/workflow-runs.api';
import { mergeRunRows } from './run-rows';

const load = (id: string, startedAt: string) => ({ id, startedAt }) as LoadRunListItem;
const workflowRun = (id: string, createdAt: string, startedAt: string | null) => ({ id, workflowId: 'w1', createdAt, startedAt }) as RunView;
const names = (id: string) => (id === 'w1' ? 'Stale users' : '?');

describe('mergeRunRows', () => {
  const loads = [load('l2', '2026-05-03T10:00:00Z'), load('l1', '2026-05-01T10:00:00Z')];
  const runs = [workflowRun('queued', '2026-05-04T09:00:00Z', null), workflowRun('w', '2026-05-02T09:00:00Z', '2026-05-02T10:00:00Z')];

  it('interleaves both sources newest first, a queued run by when it was queued', () => {
    const rows = mergeRunRows(loads, runs, names, { offset: 0, limit: 50 });
    expect(rows.map((r) => r.id)).toEqual(['workflow-queued', 'load-l2', 'workflow-w', 'load-l1']);
    expect(rows[0]).toMatchObject({ kind: 'workflow', workflowName: 'Stale users' });
  });

  it('cuts one page out of the merge', () => {
    expect(mergeRunRows(loads, runs, names, { offset: 1, limit: 2 }).map((r) => r.id)).toEqual(['load-l2', 'workflow-w']);
  });
});
