import { expect, test } from 'vitest';
import { formatLocalReset, formatResetShort, knownTimeZones } from './resetTime';

const MONDAY_MIDNIGHT_UTC = '2026-11-30T00:00:00Z';

test('shows the reset in the viewer’s own time zone', () => {
  expect(formatLocalReset(MONDAY_MIDNIGHT_UTC, 'UTC')).toBe('Monday, November 30 at 12:00 AM UTC');
  expect(formatLocalReset(MONDAY_MIDNIGHT_UTC, 'Europe/Berlin')).toBe('Monday, November 30 at 1:00 AM GMT+1');
  expect(formatLocalReset(MONDAY_MIDNIGHT_UTC, 'America/New_York')).toBe('Sunday, November 29 at 7:00 PM EST');
});

test('follows daylight saving: the same platform midnight is an hour later in a Berlin summer', () => {
  expect(formatLocalReset('2026-06-29T00:00:00Z', 'Europe/Berlin')).toBe('Monday, June 29 at 2:00 AM GMT+2');
});

test('a platform in another zone: Monday midnight in Berlin is Sunday evening in UTC', () => {
  expect(formatLocalReset('2026-11-30T00:00:00+01:00', 'UTC')).toBe('Sunday, November 29 at 11:00 PM UTC');
});

test('the short reset follows the zone: Monday 01:00 UTC is Monday 10:00 in Tokyo, Sunday 17:00 in Los Angeles', () => {
  const reset = '2026-11-30T01:00:00Z';
  expect(formatResetShort(reset, 'UTC')).toBe('Monday 01:00');
  expect(formatResetShort(reset, 'Asia/Tokyo')).toBe('Monday 10:00');
  expect(formatResetShort(reset, 'America/Los_Angeles')).toBe('Sunday 17:00');
});

test('the short reset across a DST change: Los Angeles is UTC-7 before 1 November', () => {
  expect(formatResetShort('2026-10-26T01:00:00Z', 'America/Los_Angeles')).toBe('Sunday 18:00');
});

test('the zones list holds the viewer’s zone', () => {
  expect(knownTimeZones(['Asia/Tokyo'])).toContain('Asia/Tokyo');
});
