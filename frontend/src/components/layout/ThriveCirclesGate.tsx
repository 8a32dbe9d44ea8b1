import { Outlet } from 'react-router';
import ThriveCirclesComingSoonPage from '../../pages/play/ThriveCirclesComingSoonPage';
import { useSession } from '../../services/auth';

/**
 * Layout route for the Thrive Circles pages (inside RequireAuth, so the session is loaded):
 * people outside the soft launch get the coming-soon page instead, whatever the URL.
 */
export function ThriveCirclesGate() {
  const { data } = useSession();
  return data?.user?.thrive_circles_enabled ? <Outlet /> : <ThriveCirclesComingSoonPage />;
}
