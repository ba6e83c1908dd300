import type { CompileContext } from '@rolecall/workflows/graph';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queries } from '../api/queries';

/**
 * What `compile()` checks a graph against, from the server: the preset catalog plus this
 * installation's credentials, apps and custom fields. Undefined until both have loaded; `error`
 * is the first failure, for a retry.
 */
export function useCompileContext(): { context: CompileContext | undefined; error: Error | null; isFetching: boolean; refetch: () => void } {
  const catalog = useQuery(queries.catalog());
  const refs = useQuery(queries.compileRefs());
  const context = useMemo(
    () => (catalog.data && refs.data ? { catalog: catalog.data, ...refs.data } : undefined),
    [catalog.data, refs.data],
  );
  return {
    context,
    error: catalog.error ?? refs.error,
    isFetching: catalog.isFetching || refs.isFetching,
    refetch: () => {
      if (catalog.error) void catalog.refetch();
      if (refs.error) void refs.refetch();
    },
  };
}
