/** A level someone in the viewer's circle reached this week (GET /api/v1/me/moments/). */
export interface LevelUp {
  id: number;
  username: string;
  avatar_url: string | null;
  level_name: string;
  level_icon: string;
  level_order: number;
  reached_at: string;
}

/** The viewer's own level-up, shown until they close it. */
export interface Celebration {
  id: number;
  level_name: string;
  level_icon: string;
  level_description: string;
  reached_at: string;
}

export interface Moments {
  celebration: Celebration | null;
  circle_level_ups: LevelUp[];
}
