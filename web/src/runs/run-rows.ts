import type { AllRunsItem } from '../api/all-runs.api';
import type { LoadRunListItem } from '../api/integrations.api';
import type { RunView } from '../api/workflow-runs.api';

/** One row of the Runs page: a user load or a workflow run, with its workflow's name. */
export type RunRow = { kind: 'load'; id: string; at: string; run: LoadRunListItem } | { kind: 'workflow'; id: string; at: string; run: RunView; workflowName: string };

/**
 * The server's merged page as table rows, in the server's order (newest first). A workflow run
 * that has not begun yet shows when it was queued, so a just-pressed Run now has a time.
 */
export function toRunRows(items: readonly AllRunsItem[], workflowName: (id: string) => string): RunRow[] {
  return items.map((item) =>
    item.kind === 'load'
      ? { kind: 'load', id: `load-${item.run.id}`, at: item.run.startedAt, run: item.run }
      : { kind: 'workflow', id: `workflow-${item.run.id}`, at: item.run.startedAt ?? item.run.createdAt, run: item.run, workflowName: workflowName(item.run.workflowId) },
  );
}
