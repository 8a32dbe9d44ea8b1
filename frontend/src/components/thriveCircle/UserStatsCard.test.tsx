import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { EXPLORER, makeProfile } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { UserStatsCard } from './UserStatsCard';

test('shows the level name and this week’s and total XP', () => {
  render(<UserStatsCard profile={makeProfile({ weekly_xp: 120, total_xp: 1820 })} level={EXPLORER} />);

  expect(screen.getByRole('heading', { name: 'Explorer' })).toBeInTheDocument();
  expect(screen.getByText('This week').nextElementSibling).toHaveTextContent('120 XP');
  expect(screen.getByText('Total XP').nextElementSibling).toHaveTextContent('1,820 XP');
  expect(screen.getByText(/You're growing!/)).toBeInTheDocument();
});

test('frames a zero-XP week positively', () => {
  render(<UserStatsCard profile={makeProfile({ weekly_xp: 0 })} level={EXPLORER} />);
  expect(screen.getByText(/A fresh week/)).toBeInTheDocument();
});

test('at the top level it does not say "You\'re growing!"', () => {
  render(<UserStatsCard profile={makeProfile({ weekly_xp: 120 })} level={EXPLORER} isTopLevel />);
  expect(screen.queryByText(/You're growing!/)).not.toBeInTheDocument();
  expect(screen.getByText(/You're at the top level/)).toBeInTheDocument();
});

test('shows the login streak and how it counts', () => {
  const streak = { ...STREAK, current_streak: 6, longest_streak: 71, counted_today: true, visits_to_next_bonus: 1 };
  renderWithProviders(<UserStatsCard profile={makeProfile()} level={EXPLORER} streak={streak} />);
  const group = screen.getByRole('group', { name: 'Login streak' });
  expect(group).toHaveTextContent('6 days login streak · longest 71 days');
  expect(group).toHaveTextContent('a missed day without a freeze starts again at 1. 1 day more in a row to a +25 XP bonus.');
  expect(group).toHaveTextContent('Streak freezes: 1 of 2');
  expect(group).not.toHaveTextContent('kept your');
});

test('says when a freeze kept the streak going', () => {
  const streak = { ...STREAK, current_streak: 13, freeze_kept: { on: '2026-11-25', streak: 12, freezes_used: 1 } };
  renderWithProviders(<UserStatsCard profile={makeProfile()} level={EXPLORER} streak={streak} />);
  expect(screen.getByRole('group', { name: 'Login streak' })).toHaveTextContent('A freeze kept your 12-day streak.');
});

const STREAK = {
  current_streak: 6,
  longest_streak: 6,
  counted_today: true,
  visits_to_next_bonus: 1,
  next_bonus_xp: 25,
  streak_freezes: 1,
  max_streak_freezes: 2,
  freeze_kept: null,
};
