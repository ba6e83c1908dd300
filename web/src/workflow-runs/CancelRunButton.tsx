import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/api-client';
import type { RunView } from '../api/workflow-runs.api';
import { cancelWorkflowRun } from '../api/workflows.api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';

/** Stops a run that is still going: no new effect starts; those already made stay made. */
export function CancelRunButton({ run }: { run: RunView }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function cancel(): Promise<void> {
    setBusy(true);
    try {
      queryClient.setQueryData(['workflows', 'run', run.id], await cancelWorkflowRun(run.id));
      setError(undefined);
      await queryClient.invalidateQueries({ queryKey: ['workflows'] });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <>
      <button type="button" className="btn" disabled={busy} onClick={() => setAsking(true)}>
        Cancel run
      </button>
      {error && <Notice tone="error">{error}</Notice>}
      {asking && (
        <ConfirmDialog title="Cancel this run?" confirmLabel="Cancel run" dismissLabel="Let it run" busy={busy} onConfirm={() => void cancel()} onCancel={() => setAsking(false)}>
          <p>No user is changed after this. Changes the run already made at the vendor stay made; they are listed in its records.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
