export const HOME_PATH = '/play/thrive-circle';
export const XP_HISTORY_PATH = '/play/thrive-circle/history';
export const HELP_PATH = '/help/thrive-circles';
export const QUESTS_PATH = '/play/quests';
export const SETTINGS_PATH = '/settings';

export function loginPath(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

/** Only same-site paths: a crafted ?next= must not send someone off-site after sign-in. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : HOME_PATH;
}
export const NOTIFICATION_SETTINGS_PATH = `${SETTINGS_PATH}#notifications`;
