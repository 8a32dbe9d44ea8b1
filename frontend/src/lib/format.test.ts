import { expect, test } from 'vitest';
import { durationParts, formatDateTime, formatRelativeTime, formatWeekRange, formatXP, formatXPChange } from './format';

test('durationParts splits milliseconds and rounds up to whole seconds', () => {
  expect(durationParts((86_400 + 3_600 + 60 + 1) * 1000)).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 1 });
  expect(durationParts(400)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 1 });
  expect(durationParts(-5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
});

test('formats XP amounts', () => {
  expect(formatXP(1500)).toBe('1,500 XP');
  expect(formatXPChange(20)).toBe('+20 XP');
  expect(formatXPChange(-5)).toBe('−5 XP');
});

test('formats week ranges from plain dates without shifting a day', () => {
  expect(formatWeekRange('2025-11-17', '2025-11-23')).toBe('Nov 17 – Nov 23');
});

test('formats relative times', () => {
  const now = new Date('2025-11-20T12:00:00Z').getTime();
  expect(formatRelativeTime('2025-11-20T11:59:30Z', now)).toBe('just now');
  expect(formatRelativeTime('2025-11-20T11:55:00Z', now)).toBe('5 minutes ago');
  expect(formatRelativeTime('2025-11-20T09:00:00Z', now)).toBe('3 hours ago');
  expect(formatRelativeTime('2025-11-19T12:00:00Z', now)).toBe('yesterday');
  expect(formatRelativeTime('2025-11-20T12:03:00Z', now)).toBe('just now');
});

test('XP history times are shown in the person’s stored zone', () => {
  expect(formatDateTime('2026-11-25T23:30:00Z', 'UTC')).toBe('Wed, Nov 25, 11:30 PM');
  expect(formatDateTime('2026-11-25T23:30:00Z', 'Asia/Tokyo')).toBe('Thu, Nov 26, 8:30 AM');
});
