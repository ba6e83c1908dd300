import { useEffect, useState } from 'react';
import { fetchHealth, type HealthState } from './fetch-health';

const POLL_INTERVAL_MS = 10_000;
// The server gives each dependency probe 3 s; allow for both probes plus the round trip.
const REQUEST_TIMEOUT_MS = 8_000;

/** Polls `GET /api/health` every 10 s while mounted; each poll starts after the previous ends. */
export function useHealth(): HealthState {
  const [state, setState] = useState<HealthState>({ kind: 'checking' });

  useEffect(() => {
    let stopped = false;
    let controller: AbortController | undefined;
    let nextPoll: ReturnType<typeof setTimeout> | undefined;

    async function poll() {
      controller = new AbortController();
      const timeout = setTimeout(() => controller?.abort(new Error('no answer in time')), REQUEST_TIMEOUT_MS);
      const result = await fetchHealth(controller.signal);
      clearTimeout(timeout);
      if (stopped) return;
      setState(result);
      nextPoll = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    }

    void poll();
    return () => {
      stopped = true;
      controller?.abort();
      clearTimeout(nextPoll);
    };
  }, []);

  return state;
}
