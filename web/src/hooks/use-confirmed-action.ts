import { useState } from 'react';
import { errorMessage } from '../api/api-client';

/**
 * State of a row action that asks first (a ConfirmDialog): the item awaiting confirmation, a busy
 * flag while the API call runs, and the error it ended with. `act` does the call and any reload.
 */
export function useConfirmedAction<T>(act: (item: T) => Promise<void>) {
  const [pending, setPending] = useState<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm(): Promise<void> {
    if (pending === undefined) return;
    setBusy(true);
    try {
      await act(pending);
      setError(undefined);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  }

  return {
    pending,
    busy,
    error,
    ask: (item: T) => setPending(item),
    cancel: () => setPending(undefined),
    dismissError: () => setError(undefined),
    confirm,
  };
}
