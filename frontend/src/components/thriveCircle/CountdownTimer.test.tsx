import { act, render, screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { CountdownTimer } from './CountdownTimer';

const NOW = new Date('2025-11-20T12:00:00Z').getTime();

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});

const timerText = () => screen.getByRole('timer').textContent?.replace(/\s+/g, ' ');

test('shows days, hours, minutes and seconds', () => {
  render(<CountdownTimer endsAt={NOW + (2 * 86_400 + 3 * 3_600 + 4 * 60 + 5) * 1000} />);
  expect(timerText()).toMatch(/2 ?days.*03 ?hr.*04 ?min.*05 ?sec/);
});

test('ticks down every second', () => {
  render(<CountdownTimer endsAt={NOW + 65_000} />);
  expect(timerText()).toMatch(/01 ?min.*05 ?sec/);

  act(() => vi.advanceTimersByTime(1000));
  expect(timerText()).toMatch(/01 ?min.*04 ?sec/);

  act(() => vi.advanceTimersByTime(5000));
  expect(timerText()).toMatch(/00 ?min.*59 ?sec/);
});

test('at zero says a new week is starting and asks for fresh data once', () => {
  const onElapsed = vi.fn();
  render(<CountdownTimer endsAt={NOW + 2000} onElapsed={onElapsed} />);

  act(() => vi.advanceTimersByTime(2000));
  expect(screen.getByRole('timer')).toHaveTextContent('New week starting…');
  expect(onElapsed).toHaveBeenCalledTimes(1);

  // Never counts below zero, and doesn't keep firing while waiting for new data.
  act(() => vi.advanceTimersByTime(10_000));
  expect(screen.getByRole('timer')).toHaveTextContent('New week starting…');
  expect(onElapsed).toHaveBeenCalledTimes(1);
});

test('rolls over to the next week when a new reset time arrives', () => {
  const onElapsed = vi.fn();
  const { rerender } = render(<CountdownTimer endsAt={NOW + 1000} onElapsed={onElapsed} />);
  act(() => vi.advanceTimersByTime(1000));
  expect(screen.getByRole('timer')).toHaveTextContent('New week starting…');

  rerender(<CountdownTimer endsAt={Date.now() + 7 * 86_400_000} onElapsed={onElapsed} />);
  expect(timerText()).toMatch(/7 ?days.*00 ?hr.*00 ?min.*00 ?sec/);

  act(() => vi.advanceTimersByTime(1000));
  expect(timerText()).toMatch(/6 ?days.*23 ?hr.*59 ?min.*59 ?sec/);
  expect(onElapsed).toHaveBeenCalledTimes(1);
});

test('a reset time already in the past shows the new-week state, not a negative time', () => {
  render(<CountdownTimer endsAt={NOW - 60_000} />);
  expect(screen.getByRole('timer')).toHaveTextContent('New week starting…');
});
