import { expect, test } from 'vitest';
import type { Quest, QuestsPage } from '../types/quests';
import { applyQuestProgress } from './quests';

function quest(id: number, current: number, target: number): Quest {
  return {
    id, kind: 'side_quest', title: `Quest ${id}`, description: '', reward_xp: 30,
    progress: { current, target }, steps: [], completed_at: null, xp_awarded: null, expires_at: '2026-12-07T00:00:00Z',
  };
}

const page: QuestsPage = {
  week_start: '2026-11-30',
  theme: null,
  quests: [quest(1, 0, 3), quest(2, 1, 5)],
  quiz_streak: { days: 0, quiz_today: false, bonuses: [] },
};

test('the socket moves the bars it names and leaves the others', () => {
  const next = applyQuestProgress(page, {
    type: 'quest_progress', completed: false, quests: [{ id: 1, progress: { current: 1, target: 3 } }],
  });
  expect(next.quests.map((q) => q.progress)).toEqual([{ current: 1, target: 3 }, { current: 1, target: 5 }]);
  expect(page.quests[0].progress.current).toBe(0); // the cached page is not mutated
});

test('a quest the page does not show is ignored', () => {
  const next = applyQuestProgress(page, {
    type: 'quest_progress', completed: true, quests: [{ id: 99, progress: { current: 1, target: 1 } }],
  });
  expect(next.quests).toEqual(page.quests);
});
