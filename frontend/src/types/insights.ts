// Shapes of the staff-only success metrics (GET /api/v1/insights/thrive-circles/) and
// of recording a view (POST /api/v1/me/views/), snake_case as the backend sends them.

export type ViewedFeature = 'thrive_circle_page' | 'activity_feed';

export interface LevelCount {
  level: string;
  order: number;
  users: number;
}

export interface WeekMetrics {
  week_start: string;
  week_end: string;
  /** False for the running week: its figures still grow. */
  is_complete: boolean;
  registered_users: number;
  active_users: number;
  /** 0-1, null when nobody had registered. */
  active_share: number | null;
  xp_total: number;
  avg_xp_per_active_user: number | null;
  activities: number;
  activities_per_active_user: number | null;
  previous_active_users: number;
  retained_users: number;
  /** 0-1, null when nobody was active the week before. */
  retention: number | null;
  page_views: number;
  page_viewers: number;
  feed_views: number;
  feed_viewers: number;
  /** People who opened Your Thrive Circle the week before. */
  previous_page_viewers: number;
  /** Of those, the people who opened it again this week. */
  returning_page_viewers: number;
  /** 0-1, null when nobody opened the page the week before. */
  page_return_rate: number | null;
  /** People whose page reported visible time this week. */
  page_time_visitors: number;
  /** Median visible minutes per weekly visitor; null without visitors. */
  median_page_minutes: number | null;
  level_ups: number;
  limited_awards: number;
  spike_flags: number;
  level_distribution: LevelCount[];
}

export interface ThriveCirclesKPIs {
  generated_at: string;
  /** Oldest first; the last one is the running week. */
  weeks: WeekMetrics[];
}
