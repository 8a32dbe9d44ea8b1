import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { authKeys } from './auth';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401/403 mid-visit means the session ended (expired, signed out in
      // another tab): re-check it, and the auth guard sends the person to /login.
      onError: (error, query) => {
        if (error instanceof ApiError && error.isUnauthenticated && query.queryKey[0] !== authKeys.all[0]) {
          void queryClient.invalidateQueries({ queryKey: authKeys.session() });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Client errors won't fix themselves; only retry network and server trouble.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
  return queryClient;
}
