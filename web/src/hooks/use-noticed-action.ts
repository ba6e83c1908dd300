import { useState } from 'react';
import { errorMessage } from '../api/api-client';

export type ActionNotice = { tone: 'error' | 'success'; text: string };

/**
 * Runs a form's API call and says how it went: the success text, or the server's message.
 * `after` runs after each success (e.g. refetching the list the call changed).
 */
export function useNoticedAction(after: () => void) {
  const [notice, setNotice] = useState<ActionNotice>();

  async function act(work: () => Promise<unknown>, done: string): Promise<void> {
    setNotice(undefined);
    try {
      await work();
      setNotice({ tone: 'success', text: done });
      after();
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    }
  }

  return { notice, setNotice, act };
}
