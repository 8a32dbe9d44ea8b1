import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { authKeys } from './auth';
import { thriveCircleKeys } from './thriveCircles';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401/403 mid-visit means the session ended (expired, signed out in
      // another tab): re-check it, and the auth guard sends the person to /login.
      // A 404 from a Thrive Circles endpoint means the launch flag no longer
      // includes this person: the fresh session says so and the gate shows
      // the coming-soon page.
      onError: (error, query) => {
        if (!(error instanceof ApiError) || query.queryKey[0] === authKeys.all[0]) return;
        const leftTheLaunch = error.status === 404 && query.queryKey[0] === thriveCircleKeys.all[0];
        if (error.isUnauthenticated || leftTheLaunch) {
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
