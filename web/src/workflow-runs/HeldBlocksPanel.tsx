import type { RunView } from '../api/workflow-runs.api';
import { workflowRunRecordsCsvUrl } from '../api/workflows.api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { countOf } from '../lib/format';
import { HeldRecordsPreview } from './HeldRecordsPreview';
import type { HeldBlock } from './run-blocks';
import { useRunDecision } from './use-run-decision';

type Props = {
  run: RunView;
  blocks: HeldBlock[];
  /** Lists a block's held records in the table below. */
  onShowAll: (nodeId: string) => void;
};

/**
 * Who a run would hit at its destructive blocks: a dry run's result, or a live run paused at its
 * cap waiting for someone to approve or cancel it.
 */
export function HeldBlocksPanel({ run, blocks, onShowAll }: Props) {
  const waiting = run.status === 'awaiting_approval';
  if (run.mode === 'dryRun' && run.status === 'completed' && blocks.length === 0) {
    return (
      <section className="card" data-testid="dry-run-summary">
        <h2 className="card-title">Dry run result</h2>
        <p>No user would be affected: no record reached a block that changes users at the vendor.</p>
      </section>
    );
  }
  if (!waiting && run.mode !== 'dryRun') return null;
  if (blocks.length === 0) return null;
  return (
    <section className={waiting ? 'card card-warn' : 'card'} data-testid={waiting ? 'approval-panel' : 'dry-run-summary'}>
      <h2 className="card-title">{waiting ? 'Waiting for approval' : 'Dry run result'}</h2>
      {blocks.map((b) => (
        <div key={b.nodeId} className="stack held-block">
          <p data-testid={`held-sentence-${b.nodeId}`}>
            {waiting
              ? `This run stopped before ${b.name} (${b.action}): ${countOf(b.held, 'user')} would be ${b.doneWord}, more than its cap allows without approval${b.capLimit === null ? '' : ` (${countOf(b.capLimit, 'user')})`}.`
              : `${b.held === 1 ? 'This user' : `These ${countOf(b.held, 'user')}`} would be ${b.doneWord} by ${b.name} (${b.action}). Nothing was changed at the vendor.`}
          </p>
          {!waiting && b.capLimit !== null && b.held > b.capLimit && (
            <p className="text-muted" data-testid={`over-cap-${b.nodeId}`}>
              A live run would stop here and ask for approval: its cap allows {countOf(b.capLimit, 'user')} of this population.
            </p>
          )}
          <HeldRecordsPreview runId={run.id} nodeId={b.nodeId} held={b.held} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => onShowAll(b.nodeId)}>
              List all in the table
            </button>
            <a className="btn" href={workflowRunRecordsCsvUrl(run.id, { nodeId: b.nodeId, outcome: 'held' })} download>
              Export CSV
            </a>
          </div>
        </div>
      ))}
      {waiting && <ApprovalDecision run={run} blocks={blocks} />}
    </section>
  );
}

/** Approve lets every held record go on; Cancel ends the run with nothing more done. */
function ApprovalDecision({ run, blocks }: { run: RunView; blocks: HeldBlock[] }) {
  const decision = useRunDecision(run.id);
  const held = blocks.reduce((sum, b) => sum + b.held, 0);
  const what = blocks.map((b) => `${countOf(b.held, 'user')} ${b.doneWord}`).join(', ');

  return (
    <>
      {decision.error && <Notice tone="error">{decision.error}</Notice>}
      <div className="form-actions">
        <button type="button" className="btn btn-danger" disabled={decision.busy} onClick={() => decision.ask('approve')}>
          Approve: {what}
        </button>
        <button type="button" className="btn" disabled={decision.busy} onClick={() => decision.ask('cancel')}>
          Cancel the run
        </button>
      </div>
      {decision.pending === 'approve' && (
        <ConfirmDialog title={`Approve ${countOf(held, 'change')}?`} confirmLabel="Approve" dismissLabel="Not yet" tone="danger" busy={decision.busy} onConfirm={() => void decision.confirm()} onCancel={decision.cancel}>
          <p>The run goes on past its cap: {what} at the vendor. This cannot be undone from Rolecall.</p>
        </ConfirmDialog>
      )}
      {decision.pending === 'cancel' && (
        <ConfirmDialog title="Cancel this run?" confirmLabel="Cancel the run" dismissLabel="Keep waiting" busy={decision.busy} onConfirm={() => void decision.confirm()} onCancel={decision.cancel}>
          <p>The run ends here: the {countOf(held, 'held user')} are left as they are at the vendor.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
