import type { Quest, QuestsPage } from '../types/quests';

export const NOW = Date.parse('2026-11-25T12:00:00Z');

export function makeQuest(overrides: Partial<Quest> = {}): Quest {
  return {
    id: 1,
    kind: 'side_quest',
    title: 'Try a Prompt Battle',
    description: 'Enter one Prompt Battle this week.',
    reward_xp: 30,
    progress: { current: 0, target: 1 },
    steps: [],
    completed_at: null,
    xp_awarded: null,
    expires_at: '2026-11-30T00:00:00Z',
    ...overrides,
  };
}

export function makeHunt(overrides: Partial<Quest> = {}): Quest {
  return makeQuest({
    id: 5,
    kind: 'scavenger_hunt',
    title: 'Find your way around',
    description: 'Follow the clues.',
    reward_xp: 75,
    progress: { current: 1, target: 3 },
    steps: [
      { order: 1, clue: 'What is the top level called?', link: '/help/thrive-circles', solved: true, is_open: false },
      { order: 2, clue: 'How much XP does a quiz earn?', link: '/help/thrive-circles', solved: false, is_open: true },
      { order: 3, clue: null, link: '', solved: false, is_open: false },
    ],
    ...overrides,
  });
}

export function makeQuestsPage(overrides: Partial<QuestsPage> = {}): QuestsPage {
  return {
    week_start: '2026-11-23',
    theme: { name: 'Prompt Week', color_from: 'violet-500', color_to: 'fuchsia-500', icon: '🪄', side_quest_id: 3 },
    quests: [
      makeQuest({ id: 2, kind: 'weekly_challenge', title: 'Grow together', reward_xp: 100, progress: { current: 40, target: 60 } }),
      makeQuest({ progress: { current: 0, target: 1 } }),
      makeQuest({ id: 3, title: 'Prompt Week: build something', reward_xp: 25 }),
      makeHunt(),
    ],
    quiz_streak: {
      days: 2,
      quiz_today: true,
      bonuses: [
        { days: 3, xp: 15, earned: false },
        { days: 7, xp: 40, earned: false },
      ],
    },
    ...overrides,
  };
}
