import { faRightFromBracket } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { useEffect, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { HELP_PATH, HOME_PATH, QUESTS_PATH, SETTINGS_PATH, XP_HISTORY_PATH } from '../../lib/paths';
import { errorMessage } from '../../services/api';
import { useLogout, useRecordDailyLogin } from '../../services/auth';
import type { SessionUser } from '../../types/auth';
import { NotificationBell } from '../notifications/NotificationBell';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { SectionErrorBoundary } from '../ui/SectionErrorBoundary';
import { BrandMark } from './BrandMark';

interface NavItem {
  to: string;
  label: string;
}

// "Your Thrive Circle" replaces the old Leaderboards entry (the plan). People outside the soft
// launch keep only that entry, where they find the coming-soon page.
const NAV_ITEMS: NavItem[] = [{ to: HOME_PATH, label: 'Your Thrive Circle' }];
const LAUNCHED_NAV_ITEMS: NavItem[] = [
  { to: QUESTS_PATH, label: 'Quests' },
  { to: XP_HISTORY_PATH, label: 'XP history' },
  { to: HELP_PATH, label: 'Help' },
  { to: SETTINGS_PATH, label: 'Settings' }, // the time zone and the rest week
];
// Shown only to staff (`is_staff` from the session); the API refuses everyone else anyway.
const STAFF_NAV_ITEMS: NavItem[] = [{ to: '/insights/thrive-circles', label: 'Insights' }];

function navItemsFor(user: SessionUser): NavItem[] {
  return [
    ...NAV_ITEMS,
    ...(user.thrive_circles_enabled ? LAUNCHED_NAV_ITEMS : []),
    ...(user.is_staff ? STAFF_NAV_ITEMS : []),
  ];
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-lg px-3 py-2 text-sm font-semibold whitespace-nowrap transition-colors ${
    isActive ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
  }`;

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const logout = useLogout();
  const { pathname } = useLocation();
  useRecordDailyLogin(user.id);

  // Client-side navigation keeps the scroll position; a new page should start
  // at the top. (A block body: newer Chromium returns a Promise from scrollTo,
  // which React would take for a broken cleanup function.)
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-indigo-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-6 sm:px-6">
          <Link to={HOME_PATH} className="rounded-lg">
            <BrandMark />
          </Link>
          <nav aria-label="Main" className="order-last -mx-3 w-full md:order-none md:mx-0 md:w-auto">
            <ul className="flex flex-wrap gap-1">
              {navItemsFor(user).map((item) => (
                // `end` keeps "Your Thrive Circle" from matching the nested history route.
                <li key={item.to}>
                  <NavLink to={item.to} end className={navLinkClass}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {/* On a phone the brand and this block share one row: no avatar, an icon-only button. */}
          <div className="ml-auto flex items-center gap-3">
            {/* Notifications are about circles, kudos and quests: only inside the soft launch. */}
            {user.thrive_circles_enabled && (
              <SectionErrorBoundary section="notifications">
                <NotificationBell />
              </SectionErrorBoundary>
            )}
            <span className="flex min-w-0 items-center gap-2">
              <span className="hidden sm:contents">
                <Avatar username={user.username} url={user.avatar_url} size="sm" />
              </span>
              <span className="max-w-24 truncate text-sm font-medium text-slate-800 sm:max-w-40">{user.username}</span>
            </span>
            <Button variant="secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
              <FontAwesomeIcon icon={faRightFromBracket} />
              <span className="sr-only sm:not-sr-only">Sign out</span>
            </Button>
          </div>
          {logout.isError && (
            <p role="alert" className="w-full text-sm text-rose-800">
              Signing out failed: {errorMessage(logout.error)}
            </p>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:py-10">
        {/* Keyed by path so navigating away from a crashed page recovers. */}
        <SectionErrorBoundary key={pathname} section="this page">
          {children}
        </SectionErrorBoundary>
      </main>
      <footer className="border-t border-slate-200 bg-white py-4 text-center text-sm text-slate-600">
        Thrive Circles — grow together, a fresh start every week.
      </footer>
    </div>
  );
}
