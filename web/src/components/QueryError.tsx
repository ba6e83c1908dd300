import { ApiError } from '../api/api-client';

type Props = {
  /** A TanStack query (or several merged): shows nothing while there is no error. */
  query: { error: Error | null; refetch: () => unknown; isFetching: boolean };
  /** What could not be loaded, e.g. "the integrations". */
  what: string;
};

/**
 * A failed load in plain words with a Retry button, so a page never sits on "Loading…" after
 * the server went away. The browser's own "Failed to fetch" says nothing to an admin.
 */
export function QueryError({ query, what }: Props) {
  if (!query.error) return null;
  const reason =
    query.error instanceof ApiError ? query.error.message : 'the Rolecall server did not answer; check that it is running.';
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-body">
        Could not load {what}: {reason}
      </div>
      <button type="button" className="btn btn-sm" disabled={query.isFetching} onClick={() => void query.refetch()}>
        {query.isFetching ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
