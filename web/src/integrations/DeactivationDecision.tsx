import { useState } from 'react';
import { errorMessage } from '../api/api-client';
import { confirmLoadRunDeactivation, skipLoadRunDeactivation } from '../api/integrations.api';
import { Notice } from '../components/Notice';
import { countOf } from '../lib/format';

type Props = {
  integrationId: string;
  runId: string;
  wouldDeactivate: number;
  /** Called once the decision reached the server; the run page reloads to follow the run. */
  onDecided: () => void;
};

/** The two answers to a run held before a mass deactivation, with how many users it would touch. */
export function DeactivationDecision({ integrationId, runId, wouldDeactivate, onDecided }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function decide(send: (id: string, runId: string) => Promise<unknown>): Promise<void> {
    setBusy(true);
    try {
      await send(integrationId, runId);
      setError(undefined);
      onDecided();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack" data-testid="deactivation-decision">
      <Notice tone="info">
        This run would deactivate {countOf(wouldDeactivate, 'user')}, more than the integration allows without
        confirmation. An empty or cut-short vendor listing looks like this: check the vendor before you confirm.
      </Notice>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-actions">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void decide(confirmLoadRunDeactivation)}>
          Deactivate {countOf(wouldDeactivate, 'user')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void decide(skipLoadRunDeactivation)}>
          Complete without deactivating
        </button>
      </div>
    </div>
  );
}
