import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { EXPLORER, makeProfile } from '../../test/fixtures';
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
