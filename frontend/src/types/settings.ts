/** GET/PATCH /api/v1/me/settings/: the viewer's time zone and rest week. */
export type RestStatus = 'none' | 'planned' | 'resting';

export interface RestWeek {
  status: RestStatus;
  week_start: string | null;
  starts_at: string | null;
  ends_at: string | null;
  /** The week a rest taken now would be. */
  next_week_start: string;
}

export interface UserSettings {
  /** The stored IANA zone; "" until set (the platform's zone applies). */
  time_zone: string;
  effective_time_zone: string;
  platform_time_zone: string;
  /** The next weekly reset: one instant for everyone. */
  next_reset: string;
  /** The same reset on the viewer's clock, ISO 8601 with their offset. */
  next_reset_local: string;
  next_reset_weekday: string;
  rest_week: RestWeek;
}

export interface SettingsUpdate {
  time_zone?: string;
  /** true: sit out the coming week; false: cancel it, or come back now. */
  resting?: boolean;
}
