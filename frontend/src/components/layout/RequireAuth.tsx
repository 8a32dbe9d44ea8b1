import { Navigate, Outlet, useLocation } from 'react-router';
import { loginPath } from '../../lib/paths';
import { useSession } from '../../services/auth';
import { ErrorState } from '../ui/ErrorState';
import { LoadingRegion, Skeleton } from '../ui/Skeleton';
import { AppShell } from './AppShell';

/** Layout route: signed-in people get the app shell, everyone else goes to /login and comes back after. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  if (session.data) {
    if (!session.data.user) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
    return (
      <AppShell user={session.data.user}>
        <Outlet />
      </AppShell>
    );
  }
  if (session.isError) {
    return (
      <main className="mx-auto max-w-xl p-6">
        <ErrorState
          title="We couldn't reach Thrive Circles."
          error={session.error}
          onRetry={() => void session.refetch()}
          isRetrying={session.isFetching}
        />
      </main>
    );
  }
  return (
    <LoadingRegion label="Checking your session…">
      <Skeleton className="h-16 rounded-none" />
    </LoadingRegion>
  );
}
