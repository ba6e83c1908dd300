import type { RunView } from '../api/workflow-runs.api';

export const FIXTURE_RUN_ID = '6a1f0c52-8d1e-4b7a-9c2d-5e6f7a8b9c01';

/** A finished live run of version 1 started by hand, with what a test is about given in `over`. */
export function runView(over: Partial<RunView> = {}): RunView {
  return {
    id: FIXTURE_RUN_ID,
    workflowId: '7b1f0c52-8d1e-4b7a-9c2d-5e6f7a8b9c01',
    versionId: '8c1f0c52-8d1e-4b7a-9c2d-5e6f7a8b9c01',
    versionNumber: 1,
    mode: 'live',
    trigger: { kind: 'manual' },
    status: 'completed',
    awaitingApproval: [],
    progress: { total: 0, done: 0 },
    nodes: {},
    message: null,
    createdAt: '2026-12-07T00:00:00.000Z',
    startedAt: '2026-12-07T00:00:01.000Z',
    finishedAt: '2026-12-07T00:00:02.000Z',
    ...over,
  };
}
