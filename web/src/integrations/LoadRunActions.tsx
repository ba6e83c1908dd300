import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/api-client';
import { cancelLoadRun, isLoadRunActive, retryLoadRun, type LoadRunView } from '../api/integrations.api';
import { Notice } from '../components/Notice';

type Props = { run: LoadRunView; onChanged: () => void };

/** Cancel while a run is queued or running; once it finished, a new run of the same integration (Retry after a failure, Run again otherwise). */
export function LoadRunActions({ run, onChanged }: Props) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function act(call: () => Promise<LoadRunView>): Promise<void> {
    setBusy(true);
    try {
      const result = await call();
      setError(undefined);
      if (result.id === run.id) onChanged();
      else void navigate(`/integrations/${result.integrationId}/runs/${result.id}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {isLoadRunActive(run) ? (
        <button type="button" className="btn btn-sm btn-danger-quiet" disabled={busy} onClick={() => void act(() => cancelLoadRun(run.integrationId, run.id))}>
          Cancel run
        </button>
      ) : (
        <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void act(() => retryLoadRun(run.integrationId, run.id))}>
          {run.status === 'failed' || run.status === 'cancelled' ? 'Retry' : 'Run again'}
        </button>
      )}
      {error && (
        <Notice tone="error" onDismiss={() => setError(undefined)}>
          {error}
        </Notice>
      )}
    </>
  );
}
