import type { LoadRun } from './load-run.entity';
import type { LoadRunView } from './integrations.schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the API shows of a run: status, progress and counts. */
export function toLoadRunView(r: LoadRun): LoadRunView {
  return {
    id: r.id,
    integrationId: r.integrationId,
    workflowId: r.workflowId,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    pagesDone: r.pagesDone,
    fetched: r.fetched,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    failed: r.failed,
    deactivated: r.deactivated,
    error: r.error,
    warning: r.warning,
    waitingReason: r.waitingReason,
    wouldDeactivate: r.wouldDeactivate,
  };
}
