import { expect, test } from 'vitest';
import { timeLeft } from './quests';

const NOW = Date.parse('2026-11-25T12:00:00Z');

test('counts whole days, then hours, then says less than an hour', () => {
  expect(timeLeft('2026-11-30T00:00:00Z', NOW)).toBe('4 days left');
  expect(timeLeft('2026-11-26T12:00:00Z', NOW)).toBe('1 day left');
  expect(timeLeft('2026-11-25T17:00:00Z', NOW)).toBe('5 hours left');
  expect(timeLeft('2026-11-25T12:30:00Z', NOW)).toBe('less than an hour left');
  expect(timeLeft('2026-11-25T11:00:00Z', NOW)).toBe('less than an hour left');
});
