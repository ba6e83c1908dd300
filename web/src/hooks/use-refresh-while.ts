import { useEffect } from 'react';

/**
 * Calls `refresh` once `intervalMs` after each change of `trigger` while `active` holds — with
 * useApiData's reload, a poll that waits for each answer before asking again.
 */
export function useRefreshWhile(active: boolean, refresh: () => void, intervalMs: number, trigger: unknown): void {
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(refresh, intervalMs);
    return () => clearTimeout(timer);
  }, [active, refresh, intervalMs, trigger]);
}
