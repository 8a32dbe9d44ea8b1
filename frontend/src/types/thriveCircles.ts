import type { ChatLiveMessage } from './chat';
import type { QuestProgressMessage } from './quests';
import type { NotificationLiveMessage } from './notifications';
import type { LevelUp } from './moments';

// API shapes for Thrive Circles, exactly as the plan defines them (snake_case,
// as the backend sends them), plus the extra keys the backend contract adds.

export interface ThriveCircleLevel {
  id: number;
  name: string;
  order: number;
  description: string;
  min_xp: number;
  color_from: string;
  color_to: string;
  icon: string;
}

export interface ThriveCircle {
  id: string;
  level: ThriveCircleLevel;
  week_start: string;
  week_end: string;
  name: string;
  member_count: number;
  is_current_week: boolean;
}

export interface UserThriveProfile {
  username: string;
  avatar_url: string | null;
  current_level: number;
  level_name: string;
  level_icon: string;
  weekly_xp: number;
  total_xp: number;
  last_activity_at: string;
}

export interface XPEvent {
  id: string;
  username: string;
  avatar_url: string | null;
  amount: number;
  source: string;
  source_display: string;
  description: string;
  timestamp: string;
  metadata: Record<string, unknown>;
  /** Kudos on an item of a circle's feed (`recent_activity` and live events; not in XP history). */
  reactions?: ReactionCount[];
}

export const REACTION_KEYS = ['clap', 'heart', 'sparkles', 'rocket', 'flower'] as const;
export type ReactionKey = (typeof REACTION_KEYS)[number];

export interface ReactionCount {
  key: ReactionKey;
  count: number;
  /** Whether the viewer gave this reaction. */
  mine: boolean;
}

/** Messages of the live circle socket, `/ws/v1/me/thrive-circle/`. */
export type LiveMessage =
  | { type: 'activity'; event: XPEvent }
  | { type: 'presence'; online: string[] }
  | { type: 'kudos'; event_id: string; from: string; reaction: ReactionKey }
  | { type: 'circle_goal'; goal: Omit<CircleGoal, 'your_xp'> }
  | { type: 'week_reset' }
  | { type: 'pong' }
  /** Someone in the viewer's circle (the viewer too) reached a level: an item of GET /api/v1/me/moments/'s circle_level_ups. */
  | { type: 'level_up'; level_up: LevelUp }
  | QuestProgressMessage
  | ChatLiveMessage
  | NotificationLiveMessage;

export interface RecommendedAction {
  label: string;
  xp: number;
  url: string;
  icon: string;
  /** Why it is suggested now, from the person's own activity ("2 quizzes from your next level, Explorer."). */
  reason: string;
}

/**
 * "active": current_circle is this week's circle.
 * "ended": current_circle is last week's; new circles are forming.
 * "forming": no circle yet (current_circle is null).
 * Circles built ahead of the reset appear at the reset, as "active".
 */
export type CircleStatus = 'active' | 'ended' | 'forming';

/** GET /api/v1/me/thrive-circle/activity/: the circle feed's items after a given one ("Show more"). */
export interface CircleActivityPage {
  events: XPEvent[];
  has_more: boolean;
}

export interface ThriveCircleData {
  user_profile: UserThriveProfile;
  current_level: ThriveCircleLevel;
  current_circle: ThriveCircle | null;
  circle_members: UserThriveProfile[];
  recent_activity: XPEvent[];
  next_level: ThriveCircleLevel | null;
  xp_to_next_level: number;
  time_until_reset_seconds: number;
  recommended_actions: RecommendedAction[];
  // Extras from the backend contract.
  reset_at: string;
  week_start: string;
  week_end: string;
  circle_status: CircleStatus;
  /** Why the viewer sits in this circle, in facts and plain words; never a rank. */
  why: WhyThisCircle | null;
}

export interface WhyThisCircle {
  level_name: string;
  xp_min: number;
  xp_max: number;
  active_this_week: boolean;
  members_nearby: number;
  members_elsewhere: number;
  nearby_hours: number;
  summary: string;
}

export interface XPHistoryPage {
  events: XPEvent[];
  next_cursor: string | null;
}

export interface ThriveLevelsResponse {
  levels: ThriveCircleLevel[];
}

export interface WayToEarn {
  activity_type: string;
  source: string;
  label: string;
  xp: number;
}

/** GET /api/v1/thrive-circles/help/: what the help page shows besides the levels. */
export interface ThriveCirclesHelp {
  ways_to_earn: WayToEarn[];
  /** The next weekly reset: Monday 00:00 in `time_zone`. */
  reset_at: string;
  time_zone: string;
  /** Each activity's active fair-play limits in plain words. */
  fair_play: FairPlayRuleInWords[];
}

export interface FairPlayRuleInWords {
  activity_type: string;
  label: string;
  rules: string[];
}

/** GET /api/v1/me/streak/: the viewer's login streak. */
export interface LoginStreak {
  /** Days in a row with a visit; 0 after a missed day. */
  current_streak: number;
  longest_streak: number;
  counted_today: boolean;
  /** Daily visits still needed (today's, if not counted yet) to the next streak bonus. */
  visits_to_next_bonus: number;
  next_bonus_xp: number;
  /** Streak freezes held: each covers one missed day. */
  streak_freezes: number;
  max_streak_freezes: number;
  /** The last time freezes kept the streak going (within the past week). */
  freeze_kept: { on: string; streak: number; freezes_used: number } | null;
}

/** The circle's shared weekly goal: one bar for everyone, and the viewer's part. */
export interface CircleGoal {
  target_xp: number;
  progress_xp: number;
  reached: boolean;
  bonus_xp: number;
  your_xp: number;
}

export interface WeekTotals {
  xp_together: number;
  people_active: number;
  most_popular_activity: string | null;
}

/** GET /api/v1/me/thrive-circle/together/ */
export interface CircleTogether {
  goal: CircleGoal;
  this_week: WeekTotals;
  last_week: WeekTotals;
}
