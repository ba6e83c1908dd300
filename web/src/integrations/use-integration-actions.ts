import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/api-client';
import { launchIntegration, pauseIntegration, runIntegration, type Integration } from '../api/integrations.api';

/** Starts a load, or names the one already running (one load per integration: the API answers 409 with it). */
async function runningOrStarted(integrationId: string): Promise<string> {
  try {
    return (await runIntegration(integrationId)).id;
  } catch (err) {
    const running = err instanceof ApiError && err.status === 409 ? (err.details as { runningRunId?: unknown } | undefined)?.runningRunId : undefined;
    if (typeof running === 'string') return running;
    throw err;
  }
}

/**
 * Run now, Launch and Pause, shared by the list and the detail page. Run now opens the new
 * run's page (or the page of the run already going) so its progress is in view at once.
 */
export function useIntegrationActions(onChanged: () => void) {
  const navigate = useNavigate();
  const [busyId, setBusyId] = useState<string>();
  const [error, setError] = useState<string>();

  async function act(integration: Integration, action: () => Promise<void>) {
    setBusyId(integration.id);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusyId(undefined);
    }
  }

  return {
    busyId,
    error,
    clearError: () => setError(undefined),
    runNow: (integration: Integration) =>
      act(integration, async () => {
        const runId = await runningOrStarted(integration.id);
        // The run has started: a navigation problem is the router's to show, not a failed Run now.
        void navigate(`/integrations/${integration.id}/runs/${runId}`);
      }),
    launch: (integration: Integration) =>
      act(integration, async () => {
        await launchIntegration(integration.id);
        onChanged();
      }),
    pause: (integration: Integration) =>
      act(integration, async () => {
        await pauseIntegration(integration.id);
        onChanged();
      }),
  };
}
