import { QueryClient } from '@tanstack/react-query';

/** One client for the app: answers stay fresh for 10 s, so moving between pages does not refetch everything. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: 1 },
    },
  });
}
