import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/errors';

/** One cache for the portal. A 4xx is an answer, not a failure to retry; tests turn retries off altogether. */
export function createQueryClient({ retry = true } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: retry ? (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500) : false,
      },
      mutations: { retry: false },
    },
  });
}
