export interface SessionUser {
  id: number;
  username: string;
  avatar_url: string | null;
  is_staff: boolean;
  /** In the Thrive Circles soft launch; if not, the app shows a coming-soon page. */
  thrive_circles_enabled: boolean;
  /** When the first-visit tour was finished or skipped (on any device); null: show it. */
  onboarding_completed_at: string | null;
}

export interface SessionResponse {
  user: SessionUser | null;
}

export interface LoginCredentials {
  username: string;
  password: string;
}

export interface SignUpDetails {
  username: string;
  email: string;
  password: string;
}

export interface PasswordResetConfirm {
  uid: string;
  token: string;
  new_password: string;
}

/** POST /api/v1/me/daily-login/: the day's login, counted once per day on the server. */
export interface DailyLoginResult {
  /** True when this call counted the day; false when it was already counted. */
  awarded: boolean;
  login_date: string;
  current_streak: number;
  points_awarded: number;
}
