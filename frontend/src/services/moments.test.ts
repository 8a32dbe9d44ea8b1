import { expect, test } from 'vitest';
import type { LevelUp, Moments } from '../types/moments';
import { applyLevelUp, LEVEL_UPS_LENGTH } from './moments';

function levelUp(id: number, reached_at: string, fields: Partial<LevelUp> = {}): LevelUp {
  return {
    id,
    username: `member_${id}`,
    avatar_url: null,
    level_name: 'Explorer',
    level_icon: '🧭',
    level_order: 2,
    reached_at,
    ...fields,
  };
}

const moments: Moments = {
  celebration: null,
  circle_level_ups: [levelUp(2, '2026-11-25T10:00:00Z'), levelUp(1, '2026-11-24T10:00:00Z')],
};

test('a live level-up goes on top of the circle level-ups', () => {
  const next = applyLevelUp(moments, levelUp(3, '2026-11-25T12:00:00.123456Z', { username: 'ben' }));
  expect(next.circle_level_ups.map((item) => item.id)).toEqual([3, 2, 1]);
  expect(next.circle_level_ups[0].username).toBe('ben');
  expect(next.celebration).toBe(moments.celebration);
  expect(moments.circle_level_ups).toHaveLength(2); // the cached copy is not changed in place
});

test('a level-up already shown (by the poll or a second message) is not shown twice', () => {
  expect(applyLevelUp(moments, levelUp(2, '2026-11-25T10:00:00Z'))).toBe(moments);
});

test('a level-up that arrives late is placed by when it was reached, newest first', () => {
  const next = applyLevelUp(moments, levelUp(3, '2026-11-24T20:00:00Z'));
  expect(next.circle_level_ups.map((item) => item.id)).toEqual([2, 3, 1]);
});

test('the level-ups keep the length the API returns', () => {
  let next = { ...moments, circle_level_ups: [] as LevelUp[] };
  for (let i = 1; i <= LEVEL_UPS_LENGTH + 3; i++) {
    next = applyLevelUp(next, levelUp(i, new Date(Date.UTC(2026, 10, 23, 0, i)).toISOString()));
  }
  expect(next.circle_level_ups).toHaveLength(LEVEL_UPS_LENGTH);
  expect(next.circle_level_ups[0].id).toBe(LEVEL_UPS_LENGTH + 3);
});
