import type { RunView } from '../api/workflow-runs.api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { useRunDecision } from './use-run-decision';

/** Stops a run that is still going: no new effect starts; those already made stay made. */
export function CancelRunButton({ run }: { run: RunView }) {
  const decision = useRunDecision(run.id);
  return (
    <>
      <button type="button" className="btn" disabled={decision.busy} onClick={() => decision.ask('cancel')}>
        Cancel run
      </button>
      {decision.error && <Notice tone="error">{decision.error}</Notice>}
      {decision.pending && (
        <ConfirmDialog title="Cancel this run?" confirmLabel="Cancel run" dismissLabel="Let it run" busy={decision.busy} onConfirm={() => void decision.confirm()} onCancel={decision.cancel}>
          <p>No user is changed after this. Changes the run already made at the vendor stay made; they are listed in its records.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
