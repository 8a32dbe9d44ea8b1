import type {
  ThriveCircle,
  ThriveCircleData,
  ThriveCircleLevel,
  ThriveCirclesHelp,
  UserThriveProfile,
  XPEvent,
} from '../types/thriveCircles';

export const LEVELS: ThriveCircleLevel[] = [
  { id: 1, name: 'Seedling', order: 1, min_xp: 0, icon: 'faSeedling', color_from: 'green-400', color_to: 'green-600', description: 'Just getting started.' },
  { id: 2, name: 'Explorer', order: 2, min_xp: 500, icon: 'faCompass', color_from: 'blue-400', color_to: 'blue-600', description: 'Finding your way.' },
  { id: 3, name: 'Creator', order: 3, min_xp: 1500, icon: 'faWand', color_from: 'purple-400', color_to: 'purple-600', description: 'Making things.' },
  { id: 4, name: 'Catalyst', order: 4, min_xp: 3500, icon: 'faRocket', color_from: 'orange-400', color_to: 'orange-600', description: 'Sparking others.' },
  { id: 5, name: 'Luminary', order: 5, min_xp: 7500, icon: 'faStar', color_from: 'yellow-400', color_to: 'yellow-600', description: 'Lighting the way.' },
];

export const [SEEDLING, EXPLORER, CREATOR, , LUMINARY] = LEVELS;

export function makeProfile(overrides: Partial<UserThriveProfile> = {}): UserThriveProfile {
  return {
    username: 'explorer_eve',
    avatar_url: null,
    current_level: EXPLORER.id,
    level_name: EXPLORER.name,
    level_icon: EXPLORER.icon,
    weekly_xp: 120,
    total_xp: 820,
    last_activity_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<XPEvent> = {}): XPEvent {
  return {
    id: crypto.randomUUID(),
    username: 'creative_cam',
    avatar_url: null,
    amount: 20,
    source: 'quiz',
    source_display: 'Quiz',
    description: 'Completed a Quick Quiz',
    timestamp: new Date(Date.now() - 10 * 60_000).toISOString(),
    metadata: {},
    ...overrides,
  };
}

export function makeCircle(overrides: Partial<ThriveCircle> = {}): ThriveCircle {
  return {
    id: 'c0ffee00-0000-4000-8000-000000000001',
    level: EXPLORER,
    week_start: '2025-11-17',
    week_end: '2025-11-23',
    name: 'Explorer Circle A',
    member_count: 24,
    is_current_week: true,
    ...overrides,
  };
}

export function makeThriveCircleData(overrides: Partial<ThriveCircleData> = {}): ThriveCircleData {
  return {
    user_profile: makeProfile(),
    current_level: EXPLORER,
    current_circle: makeCircle(),
    circle_members: [
      makeProfile({ username: 'quiet_quinn', weekly_xp: 5, total_xp: 600 }),
      makeProfile({ username: 'busy_bea', weekly_xp: 400, total_xp: 1400 }),
    ],
    recent_activity: [
      makeEvent({ id: 'e1', username: 'busy_bea', description: 'Entered a Prompt Battle', amount: 25 }),
      makeEvent({ id: 'e2', username: 'explorer_eve', description: 'Completed a Quick Quiz' }),
    ],
    next_level: CREATOR,
    xp_to_next_level: 680,
    time_until_reset_seconds: 3 * 86_400 + 4 * 3_600,
    recommended_actions: [
      { label: 'Complete a Quick Quiz', xp: 20, url: '/quick-quizzes', icon: 'faGraduationCap', reason: '2 quizzes from your next level, Explorer.' },
      { label: 'Enter a Prompt Battle', xp: 25, url: '/play/prompt-battle', icon: 'faGamepad', reason: "You haven't tried a Prompt Battle this week." },
      { label: 'Create a New Project', xp: 10, url: '/projects/new', icon: 'faPlus', reason: '1 new project this week: keep the rhythm going.' },
    ],
    reset_at: new Date(Date.now() + (3 * 86_400 + 4 * 3_600) * 1000).toISOString(),
    week_start: '2025-11-17',
    week_end: '2025-11-23',
    circle_status: 'active',
    why: {
      level_name: 'Explorer',
      xp_min: 600,
      xp_max: 1400,
      active_this_week: true,
      members_nearby: 1,
      members_elsewhere: 1,
      nearby_hours: 3,
      summary:
        "You're at the Explorer level, and this circle gathers Explorer people with similar XP this week (from 600 to 1400 XP in all). You've been earning XP this week. 1 of the 2 others live within 3 hours of your clock.",
    },
    ...overrides,
  };
}

/** GET /api/v1/thrive-circles/help/, with the backend's points table. */
export function makeThriveCirclesHelp(overrides: Partial<ThriveCirclesHelp> = {}): ThriveCirclesHelp {
  return {
    ways_to_earn: [
      { activity_type: 'quiz_completed', source: 'quiz', label: 'Complete a Quick Quiz', xp: 20 },
      { activity_type: 'quiz_completed', source: 'quiz', label: 'Perfect score bonus on a quiz', xp: 10 },
      { activity_type: 'battle_participated', source: 'prompt_battle', label: 'Enter a Prompt Battle', xp: 25 },
      { activity_type: 'project_created', source: 'project', label: 'Create a project', xp: 10 },
      { activity_type: 'daily_login', source: 'daily_login', label: 'Check in for the day', xp: 5 },
      { activity_type: 'week_streak', source: 'streak', label: 'Keep a 7-day login streak', xp: 25 },
    ],
    reset_at: '2026-11-30T00:00:00Z',
    time_zone: 'UTC',
    fair_play: [
      {
        activity_type: 'quiz_completed',
        label: 'Complete a Quick Quiz',
        rules: ['Up to 150 XP a day from quizzes.', 'Leave 30 seconds between two quizzes: one sooner earns no XP.'],
      },
    ],
    ...overrides,
  };
}
