import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorMessage } from '../api/api-client';

export type ApiData<T> = {
  /** The last successful answer; kept while a reload is in flight so tables do not flicker. */
  data: T | undefined;
  /** Why the last load failed, ready to show. */
  error: string | undefined;
  loading: boolean;
  /** Loads again with the same inputs (after a change, or to poll). */
  reload: () => void;
};

/**
 * Loads data from the API whenever `deps` change, aborting the request it replaces so a slow
 * answer to old filters can never overwrite a newer one.
 */
export function useApiData<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiData<T> {
  const [state, setState] = useState<Omit<ApiData<T>, 'reload'>>({ data: undefined, error: undefined, loading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ data: s.data, error: errorMessage(error), loading: false }));
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `deps` name what it reads, so only they (and
    // reload) start a new request.
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
