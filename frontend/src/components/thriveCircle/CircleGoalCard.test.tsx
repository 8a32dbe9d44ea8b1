import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { CircleTogether } from '../../types/thriveCircles';
import { CircleGoalCard } from './CircleGoalCard';

const TOGETHER: CircleTogether = {
  goal: { target_xp: 400, progress_xp: 100, reached: false, bonus_xp: 15, your_xp: 30 },
  this_week: { xp_together: 100, people_active: 4, most_popular_activity: 'quiz' },
  last_week: { xp_together: 80, people_active: 3, most_popular_activity: 'project' },
};

test('shows one bar for the whole circle and the viewer’s part', () => {
  render(<CircleGoalCard together={TOGETHER} />);
  const bar = screen.getByRole('progressbar', { name: 'Circle goal' });
  expect(bar).toHaveAttribute('aria-valuetext', '100 XP of 400 XP');
  expect(screen.getAllByRole('progressbar')).toHaveLength(1);
  expect(screen.getByText(/your part: 30 XP/)).toBeInTheDocument();
});

test('compares the week with the circle’s own last week', () => {
  render(<CircleGoalCard together={TOGETHER} />);
  expect(screen.getByText('XP together').nextSibling).toHaveTextContent('100 XP (last week 80 XP)');
  expect(screen.getByText('Favourite activity').nextSibling).toHaveTextContent('quizzes (last week projects)');
});

test('celebrates a reached goal', () => {
  render(<CircleGoalCard together={{ ...TOGETHER, goal: { ...TOGETHER.goal, progress_xp: 420, reached: true } }} />);
  expect(screen.getByText(/reached this week's goal/)).toHaveTextContent('+15 XP');
});
