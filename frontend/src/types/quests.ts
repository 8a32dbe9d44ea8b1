// Shapes of GET /api/v1/me/quests/ and the hunt answer endpoint, snake_case as the API sends them.

export type QuestKind = 'side_quest' | 'weekly_challenge' | 'scavenger_hunt';

export interface QuestProgress {
  current: number;
  target: number;
}

export interface HuntStep {
  order: number;
  /** null until the earlier steps are solved */
  clue: string | null;
  link: string;
  solved: boolean;
  is_open: boolean;
}

export interface Quest {
  id: number;
  kind: QuestKind;
  title: string;
  description: string;
  reward_xp: number;
  progress: QuestProgress;
  steps: HuntStep[];
  completed_at: string | null;
  xp_awarded: number | null;
  expires_at: string;
}

export interface CircleTheme {
  name: string;
  color_from: string;
  color_to: string;
  icon: string;
  side_quest_id: number | null;
}

export interface StreakBonus {
  days: number;
  xp: number;
  earned: boolean;
}

export interface QuizStreak {
  days: number;
  quiz_today: boolean;
  bonuses: StreakBonus[];
}

export interface QuestsPage {
  week_start: string;
  theme: CircleTheme | null;
  quests: Quest[];
  quiz_streak: QuizStreak;
}

/** Sent on the circle socket to the person only when an award moves their quests. */
export interface QuestProgressMessage {
  type: 'quest_progress';
  quests: { id: number; progress: QuestProgress }[];
  /** A quest completed or a streak bonus was reached: reward XP is on its way. */
  completed: boolean;
}

export interface AnswerResult {
  solved: boolean;
  order: number;
  next_step: number | null;
  quest_completed: boolean;
  xp_awarded: number;
}
