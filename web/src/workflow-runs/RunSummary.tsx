import { isWorkflowRunActive, type RunView } from '../api/workflow-runs.api';
import { Notice } from '../components/Notice';
import { countOf, elapsed, formatDateTime } from '../lib/format';
import { WorkflowRunStatusPill } from '../runs/WorkflowRunStatusPill';
import { workflowRunProgress } from '../runs/workflow-run-labels';

/** Share of the population whose walk is done, once the population is known. */
function doneShare({ progress }: Pick<RunView, 'progress'>): number | null {
  if (progress.total === null) return null;
  return progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
}

/** Records held at destructive blocks: waiting for approval, or what a dry run would hit. */
function heldCount({ nodes }: Pick<RunView, 'nodes'>): number {
  return Object.values(nodes).reduce((sum, counts) => sum + (counts.held ?? 0), 0);
}

/** Status, how far the run got, how long it took, and why it failed. */
export function RunSummary({ run }: { run: RunView }) {
  const active = isWorkflowRunActive(run);
  const share = doneShare(run);
  const held = heldCount(run);
  const timing = run.startedAt
    ? active
      ? `running for ${elapsed(run.startedAt, null)}`
      : `${elapsed(run.startedAt, run.finishedAt)} · finished ${formatDateTime(run.finishedAt)}`
    : 'waiting for a worker';
  return (
    <section className="card run-summary" aria-label="Run status">
      <div className="run-status-line">
        <WorkflowRunStatusPill status={run.status} />
        {run.mode === 'dryRun' && <span className="run-mode">Dry run: nothing is changed at the vendor</span>}
        <span className="text-muted" data-testid="run-progress">
          {workflowRunProgress(run)}
          {held > 0 && ` · ${countOf(held, 'record')} held`} · {timing}
        </span>
      </div>
      {/* While it goes on; a finished run's counts say the rest. */}
      {active && (
        <div
          className="progress"
          role="progressbar"
          aria-label="Records done"
          aria-valuemin={0}
          aria-valuemax={run.progress.total ?? undefined}
          aria-valuenow={share === null ? undefined : run.progress.done}
        >
          <div
            className={share === null ? 'progress-bar' : 'progress-fill'}
            style={share === null ? undefined : { width: `${Math.round(share * 100)}%` }}
          />
        </div>
      )}
      {run.status === 'failed' && <Notice tone="error">{run.message ?? 'The run failed.'}</Notice>}
      {run.status === 'cancelled' && (
        <Notice tone="info">This run was cancelled. Effects it had already made stay made and are listed below.</Notice>
      )}
    </section>
  );
}
