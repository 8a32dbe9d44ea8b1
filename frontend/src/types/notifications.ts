// API shapes of core/notifications (snake_case, as the server sends them).

export type NotificationKind =
  | 'circle_assigned'
  | 'goal_reached'
  | 'kudos_received'
  | 'quest_completed'
  | 'level_reached'
  | 'streak_at_risk';

export interface AppNotification {
  id: number;
  kind: NotificationKind;
  /** The sentence to show, made by the server from the payload. */
  title: string;
  /** The app path it is about. */
  url: string;
  payload: Record<string, unknown>;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage {
  results: AppNotification[];
  unread_count: number;
  next_cursor: number | null;
}

export interface MarkReadResult {
  marked: number;
  unread_count: number;
}

export type MarkReadRequest = { ids: number[] } | { all: true };

export interface NotificationPreferences {
  circle_assigned: boolean;
  goal_reached: boolean;
  kudos_received: boolean;
  quest_completed: boolean;
  level_reached: boolean;
  streak_at_risk: boolean;
  weekly_recap: boolean;
}

export type NotificationLiveMessage = { type: 'notification'; notification: AppNotification };
