import { useEffect } from 'react';

/**
 * Calls `refresh` `intervalMs` after `active` becomes true. Pass `!data.loading && …` with
 * useApiData's reload: each answer (or failure) re-arms the timer, so the poll waits for one
 * request to finish before asking again and keeps going through a transient error.
 */
export function useRefreshWhile(active: boolean, refresh: () => void, intervalMs: number): void {
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(refresh, intervalMs);
    return () => clearTimeout(timer);
  }, [active, refresh, intervalMs]);
}
