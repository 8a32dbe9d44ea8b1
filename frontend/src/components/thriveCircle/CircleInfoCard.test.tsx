import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { makeCircle, makeThriveCircleData } from '../../test/fixtures';
import { CircleInfoCard } from './CircleInfoCard';

const common = {
  weekStart: '2025-11-24',
  weekEnd: '2025-11-30',
  resetAt: Date.now() + 86_400_000,
  onResetElapsed: () => {},
};

test('an active circle shows its name, size and week', () => {
  render(<CircleInfoCard circle={makeCircle()} status="active" {...common} />);

  expect(screen.getByRole('heading', { name: "This week's circle" })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Explorer Circle A' })).toBeInTheDocument();
  expect(screen.getByText(/24 members · Nov 17 – Nov 23/)).toBeInTheDocument();
  expect(screen.getByRole('timer')).toBeInTheDocument();
  expect(screen.queryByText('Ended')).not.toBeInTheDocument();
});

test("an ended week is marked as ended and says new circles are forming", () => {
  render(<CircleInfoCard circle={makeCircle()} status="ended" {...common} />);

  expect(screen.getByRole('heading', { name: "Last week's circle" })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: /Explorer Circle A/ })).toHaveTextContent('Ended');
  expect(screen.getByText('New circles are forming.')).toBeInTheDocument();
});

test('without a circle it says the circle is forming', () => {
  render(<CircleInfoCard circle={null} status="forming" {...common} />);

  expect(screen.getByRole('heading', { name: 'Your circle is forming' })).toBeInTheDocument();
  expect(screen.getByText(/Nov 24 – Nov 30/)).toBeInTheDocument();
});

test("an active circle shows the week's theme with its icon", () => {
  const theme = { name: 'Prompt Week', color_from: 'violet-500', color_to: 'fuchsia-500', icon: '🪄', side_quest_id: 3 };
  render(<CircleInfoCard circle={makeCircle()} status="active" theme={theme} {...common} />);

  const badge = screen.getByText('This week: Prompt Week');
  expect(badge).toHaveTextContent('🪄');
  expect(badge).toHaveClass('from-violet-500', 'to-fuchsia-500');
});

test('an ended circle does not show a theme', () => {
  const theme = { name: 'Prompt Week', color_from: 'violet-500', color_to: 'fuchsia-500', icon: '🪄', side_quest_id: null };
  render(<CircleInfoCard circle={makeCircle()} status="ended" theme={theme} {...common} />);
  expect(screen.queryByText('This week: Prompt Week')).not.toBeInTheDocument();
});

test('shows the reset on the viewer’s clock and why they are in this circle, without any rank', () => {
  const why = makeThriveCircleData().why;
  render(<CircleInfoCard circle={makeCircle()} status="active" {...common} resetLocal="Monday 01:00" why={why} />);

  expect(screen.getByText('Resets Monday 01:00 your time')).toBeInTheDocument();
  expect(screen.getByText("Why you're in this circle")).toBeInTheDocument();
  const explanation = screen.getByText(/similar XP this week \(from 600 to 1400 XP in all\)/);
  expect(explanation).toHaveTextContent('1 of the 2 others live within 3 hours of your clock.');
  expect(explanation.textContent).not.toMatch(/#\d|rank|place/i);
});
