import type { LoadRunListItem } from '../api/integrations.api';
import type { RunView } from '../api/workflow-runs.api';

/** One row of the Runs page: a user load or a workflow run, with its workflow's name. */
export type RunRow = { kind: 'load'; id: string; at: string; run: LoadRunListItem } | { kind: 'workflow'; id: string; at: string; run: RunView; workflowName: string };

/**
 * Both sources newest first, cut to one page. A workflow run that has not begun yet sorts by
 * when it was queued, so a just-pressed Run now shows on top.
 */
export function mergeRunRows(
  loads: readonly LoadRunListItem[],
  workflowRuns: readonly RunView[],
  workflowName: (id: string) => string,
  window: { offset: number; limit: number },
): RunRow[] {
  const rows: RunRow[] = [
    ...loads.map((run) => ({ kind: 'load' as const, id: `load-${run.id}`, at: run.startedAt, run })),
    ...workflowRuns.map((run) => ({ kind: 'workflow' as const, id: `workflow-${run.id}`, at: run.startedAt ?? run.createdAt, run, workflowName: workflowName(run.workflowId) })),
  ];
  rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return rows.slice(window.offset, window.offset + window.limit);
}
